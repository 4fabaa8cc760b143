import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { COMMANDS } from '../../../../electron/cli/commands/index';
import { recordingIo } from '../../../support/cli-harness';

function io() {
  const recorder = recordingIo();
  return { value: recorder.io, out: recorder.out, err: recorder.err };
}

describe('phonebench command line', () => {
  it('lists every command in --help', async () => {
    const t = io();
    expect(await runCli(['--help'], t.value)).toBe(0);
    for (const command of COMMANDS) expect(t.out()).toContain(command.name);
  });

  it.each(COMMANDS.map((c) => c.name))("answers '%s --help' with its usage, without running it", async (name) => {
    const t = io();
    expect(await runCli([name, '--help'], t.value)).toBe(0);
    expect(t.out()).toContain(`Usage: phonebench ${name}`);
    expect(t.err()).toBe('');
  });

  it('names an unknown command and exits 2', async () => {
    const t = io();
    expect(await runCli(['frobnicate'], t.value)).toBe(2);
    expect(t.err()).toContain("unknown command 'frobnicate'");
  });

  it('reports an unknown flag with the usage', async () => {
    const t = io();
    expect(await runCli(['status', '--bogus'], t.value)).toBe(2);
    expect(t.err()).toContain('Usage: phonebench status');
  });

  it('status --json gives the engine status', async () => {
    const t = io();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pb-cli-'));
    expect(await runCli(['status', '--data-dir', dataDir, '--json'], t.value)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ host: 'cli', dataDir });
  });

  it('gives every command a summary and a usage line', async () => {
    for (const entry of COMMANDS) {
      expect(entry.summary.length).toBeGreaterThan(5);
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.usage).toMatch(new RegExp(`^phonebench ${entry.name}`));
    }
  });
});
