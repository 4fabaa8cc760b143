import { describe, expect, it } from 'vitest';
import { parseFirmwareLabel } from '../../../../../shared/cisco/firmware-version';
// eslint-disable-next-line no-restricted-imports -- the 'electron/*' wall also matches this repo's electron/ folder
import { VirtualPhone } from '../../../../../electron/engine/phone-sim/virtual-phone';
import { hopRoots, inOrder, PLAN_MAC, plannedPairs } from '../../../../fixtures/phone-sim/planner-roots';
import { memoryFetcher } from './memory-fetcher';

const PAIRS = plannedPairs();

describe('virtual phone follows every planner path (in memory)', () => {
  it('covers each path the phone drives', () => {
    const seen = new Set(PAIRS.flatMap((p) => p.paths));
    for (const path of ['F1', 'F2', 'F3', 'R1', 'R2', 'R3-field', 'R4', 'UPGRADE']) expect(seen).toContain(path);
  });

  it.each(PAIRS.map((p) => [`${p.from} -> ${p.to} (${p.paths.join(', ')})`, p] as const))('%s', async (_name, pair) => {
    let files = new Map<string, string | Uint8Array>();
    const phone = new VirtualPhone({
      id: 'p',
      mac: PLAN_MAC,
      model: '7960',
      firmware: parseFirmwareLabel(pair.from),
      fetch: (name, signal) => memoryFetcher(files)(name, signal),
      tftpServer: '127.0.0.1',
      flashWriteMs: 0,
    });
    for (const root of hopRoots(pair.plan)) {
      files = new Map(root.files);
      const requests: string[] = [];
      const off = phone.onEvent((e) => {
        if (e.kind === 'tftp') requests.push(e.file);
      });
      const outcome = await phone.boot();
      off();
      const where = `hop ${root.hop.index} ${root.hop.path}; requests ${requests.join(', ')}`;
      expect(outcome, where).toMatchObject({ kind: 'running', image: root.target });
      expect(inOrder(requests, root.hop.expectedRequests), `${where}; planner expected ${root.hop.expectedRequests.join(', ')}`).toBe(true);
      expect(requests.some((r) => /^term[46]0\.default\.loads$/.test(r))).toBe(false);
    }
  });
});
