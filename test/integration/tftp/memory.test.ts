import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 18 item 7: 32 netascii reads took the process from 73 to 861 MiB, 8 held uploads from 72 to 570 MiB, because
 * netascii was converted whole in memory and uploads were kept in memory until their last block. Measured in a child
 * process (memory-probe.ts) so the figure is the server's alone. The bound is generous (a loaded machine, GC timing):
 * today's code stays near +50 MiB; the old code went past +340 MiB in both cases.
 */
const BOUND_MIB = 160;

function probe(mode: 'netascii' | 'upload' | 'web-upload'): Promise<{ baselineMiB: number; peakMiB: number; heldMiB: number }> {
  const tsx = path.resolve('node_modules/.bin/tsx');
  return new Promise((resolve, reject) => {
    execFile(tsx, ['test/integration/tftp/memory-probe.ts', mode], { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`memory probe (${mode}) failed: ${String(error)}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { baselineMiB: number; peakMiB: number; heldMiB: number });
    });
  });
}

describe('memory per transfer', () => {
  it('32 held netascii reads of a 12 MiB text file keep the RSS growth bounded', async () => {
    const m = await probe('netascii');
    console.log(`netascii x32: RSS ${m.baselineMiB.toFixed(0)} -> peak ${m.peakMiB.toFixed(0)} MiB (held ${m.heldMiB.toFixed(0)})`);
    expect(m.peakMiB - m.baselineMiB).toBeLessThan(BOUND_MIB);
  });

  it('8 held uploads of 40 MiB each keep the RSS growth bounded', async () => {
    const m = await probe('upload');
    console.log(`uploads x8: RSS ${m.baselineMiB.toFixed(0)} -> peak ${m.peakMiB.toFixed(0)} MiB (held ${m.heldMiB.toFixed(0)})`);
    expect(m.peakMiB - m.baselineMiB).toBeLessThan(BOUND_MIB);
  });

  // The web host already streamed uploads to disk before issue 18; this keeps it so (it passed on the old code too).
  it("8 held browser uploads into `phonebench serve`'s host keep the RSS growth bounded", async () => {
    const m = await probe('web-upload');
    console.log(`web uploads x8: RSS ${m.baselineMiB.toFixed(0)} -> peak ${m.peakMiB.toFixed(0)} MiB (held ${m.heldMiB.toFixed(0)})`);
    expect(m.peakMiB - m.baselineMiB).toBeLessThan(BOUND_MIB);
  });
});
