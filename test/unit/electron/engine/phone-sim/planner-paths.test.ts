import { describe, expect, it } from 'vitest';
import { parseFirmwareLabel, type FirmwareVersion } from '../../../../../shared/cisco/firmware-version';
import { planMigration } from '../../../../../shared/cisco/planner/plan-migration';
import { formatMessage } from '../../../../../shared/i18n/format';
import { VirtualPhone } from '../../../../../electron/engine/phone-sim/virtual-phone';
import { hopRoots, inOrder, PLAN_MAC, plannablePairs, plannedPairs } from '../../../../fixtures/phone-sim/planner-roots';
import { memoryFetcher } from './memory-fetcher';

const PAIRS = plannedPairs();

describe('virtual phone follows every planner path (in memory)', () => {
  it('builds a TFTP root for every plannable pair the phone drives (issue 17: was 85 of 236)', () => {
    const driven = plannablePairs().filter((p) => !p.plan.hops.some((h) => h.path === 'CM' || h.path === 'R3'));
    const real = PAIRS.filter((p) => !p.inferred).length;
    console.log(`planner paths: ${PAIRS.length} of ${driven.length} plannable pairs run on the virtual phone; ${real} from public package lists only`);
    expect(PAIRS.length).toBe(driven.length);
    expect(real).toBeGreaterThanOrEqual(95);
  });

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
    for (const root of pair.roots) {
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

describe('State Error (simulated) and the planner fallback through SIP 2.3', () => {
  async function follow(viaSip23: boolean): Promise<{ ok: boolean; last: unknown }> {
    const r = planMigration({ model: '7960', mac: PLAN_MAC, from: version('SCCP 3.1'), to: version('SIP 4.4'), context: 'bench', viaSip23 });
    if (!r.ok) throw new Error(formatMessage('en', r.reason));
    let files = new Map<string, string | Uint8Array>();
    const phone = new VirtualPhone({
      id: 's', mac: PLAN_MAC, model: '7960', firmware: version('SCCP 3.1'), tftpServer: '127.0.0.1', flashWriteMs: 0,
      fetch: (name, signal) => memoryFetcher(files)(name, signal),
      stateErrorOldSccpToSip34: true,
    });
    let last: unknown;
    const roots = hopRoots(r.plan);
    if (roots === undefined) throw new Error('no real package for a hop of the State Error plan');
    for (const root of roots) {
      files = new Map(root.files);
      last = await phone.boot();
      if ((last as { kind?: string } | undefined)?.kind !== 'running') return { ok: false, last };
    }
    return { ok: phone.flash.firmware === 'SIP 4.4', last };
  }

  it('the direct plan fails with TFTP Error; the SIP 2.3 fallback reaches SIP 4.4', async () => {
    const direct = await follow(false);
    expect(direct.ok).toBe(false);
    expect(direct.last).toMatchObject({ kind: 'error', message: 'TFTP Error' });
    expect((await follow(true)).ok).toBe(true);
  });
});

function version(label: string): FirmwareVersion {
  const v = parseFirmwareLabel(label);
  if (v === undefined) throw new Error(label);
  return v;
}
