import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../shared/api/sim';
import { openSimSession } from '../../../electron/engine/phone-sim/sim-session';
import { inOrder, PLAN_MAC, plannedPairs, type PlannedPair } from '../../fixtures/phone-sim/planner-roots';
import { runScenario } from './run-scenario';
import { SCENARIOS, type Scenario } from './scenarios';
import type { ServedRoot } from './served-root';

/** The same tests for every real TFTP server: hand-written scenarios, and the planner's own files. */

export function scenarioSuite(
  label: string,
  start: () => Promise<ServedRoot>,
  /** From requireTool: false skips (a reason was printed; under CI=true it already failed). */
  available: boolean,
  extra: readonly Scenario[] = [],
): void {
  describe.runIf(available)(`virtual phone scenarios served by ${label}`, () => {
    let server: ServedRoot;
    beforeAll(async () => {
      server = await start();
    });
    afterAll(async () => {
      await server?.close();
    });

    it.each([...SCENARIOS, ...extra].map((s) => [s.name, s] as const))('%s', async (_name, s) => {
      for (const [name, content] of s.files) await server.write(name, content);
      try {
        const { outcome, requests } = await runScenario(s, server.port);
        expect(outcome).toMatchObject(s.expect);
        if (s.requests) expect(inOrder(requests, s.requests), `requests were ${requests.join(', ')}`).toBe(true);
        for (const n of s.never ?? []) expect(requests).not.toContain(n);
      } finally {
        for (const [name] of s.files) await server.remove(name);
      }
    });
  });
}

/** One pair per distinct sequence of paths (F1, F2>UPGRADE, R2>R2, ...), so every kind of hop goes over real TFTP. */
function representatives(): PlannedPair[] {
  const seen = new Map<string, PlannedPair>();
  for (const p of plannedPairs()) {
    const key = p.paths.join('>');
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}

export function plannerSuite(label: string, start: () => Promise<ServedRoot>, available: boolean): void {
  describe.runIf(available)(`planner paths: the virtual phone against ${label} serving the planner's files`, () => {
    let server: ServedRoot;
    beforeAll(async () => {
      server = await start();
    });
    afterAll(async () => {
      await server?.close();
    });

    it.each(representatives().map((p) => [`${p.from} -> ${p.to} (${p.paths.join(' > ')})`, p] as const))('%s', async (_name, pair) => {
      const session = await openSimSession(
        'p',
        { tftpHost: '127.0.0.1', tftpPort: server.port, mac: PLAN_MAC, model: '7960', firmware: pair.from, flashWriteMs: 1 },
        { tftpTimeoutMs: 1000, tftpRetries: 2 },
      );
      try {
        for (const root of pair.roots) {
          for (const [name, content] of root.files) await server.write(name, content);
          const requests: string[] = [];
          const off = session.phone.onEvent((e: SimEvent) => {
            if (e.kind === 'tftp') requests.push(e.file);
          });
          const outcome = await session.phone.boot();
          off();
          for (const [name] of root.files) await server.remove(name);
          const where = `hop ${root.hop.index} ${root.hop.path}: ${requests.join(', ')}`;
          expect(outcome, where).toMatchObject({ kind: 'running', image: root.target });
          expect(inOrder(requests, root.hop.expectedRequests), where).toBe(true);
        }
      } finally {
        await session.close();
      }
    });
  });
}
