import { en } from '../../support/error-text';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../shared/api/contract';
import type { MigrationStatus, TimelineEntry } from '../../../shared/api/migrate';
import { planMigration } from '../../../shared/cisco/planner/plan-migration';
import type { PlanInput } from '../../../shared/cisco/planner/plan-types';
import type { EngineContext } from '../../../electron/engine/context';
import { EventBus } from '../../../electron/engine/event-bus';
import { EngineLog } from '../../../electron/engine/engine-log';
import { engineLibrary, libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { createMigrateDomain } from '../../../electron/engine/migration/migrate-domain';
import { SettingsStore } from '../../../electron/engine/settings-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';

/**
 * A plan that names an image the library does not have: the virtual phone cannot load it, the migration must
 * end failed with the phone's message, and the timeline must carry the hint for it.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pbfail-'));
let ctx: EngineContext;
let bundleId = '';

beforeAll(async () => {
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const dataDir = path.join(dir, 'data');
  bundleId = (await new FirmwareLibrary(libraryRoot(dataDir)).import(fixtures.sip812!.file)).id;
  ctx = { log: new EngineLog(path.join(dataDir, 'logs', 'engine.jsonl')), dataDir, host: 'cli', settings: await SettingsStore.load(dataDir), events: new EventBus<Events>(), reportService: () => {} };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real planner, with every config pointing at an image id that exists nowhere. */
function brokenPlan(input: PlanInput) {
  const outcome = planMigration(input);
  if (!outcome.ok) return outcome;
  for (const hop of outcome.plan.hops) {
    for (const c of hop.configs) c.content = c.content.replaceAll('P0S3-8-12-00', 'P0S3-9-99-00');
  }
  return outcome;
}

describe('a demo that goes wrong', () => {
  it('ends failed with the phone message and a hint', async () => {
    const domain = createMigrateDomain(ctx, { library: engineLibrary(ctx), plan: brokenPlan, demoFlashWriteMs: 10 });
    try {
      const timeline: TimelineEntry[] = [];
      let end: (s: MigrationStatus) => void = () => {};
      const ended = new Promise<MigrationStatus>((r) => (end = r));
      ctx.events.listen((name, payload) => {
        if (name === 'migrate:timeline') timeline.push(payload as TimelineEntry);
        if (name === 'migrate:state' && ['failed', 'succeeded'].includes((payload as MigrationStatus).state)) end(payload as MigrationStatus);
      });
      await domain.handlers['migrate:start']({
        mac: '000E84C060A6', model: '7960', bundleId, bindAddress: '127.0.0.1', port: 0, from: 'SCCP 8.1(2)', demo: true,
      });
      const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no outcome within 50 s')), 50_000));
      const status = await Promise.race([ended, timer]);
      const why = timeline.map((e) => `${e.kind}: ${en(e.message)}`).join('\n');
      expect(status.state, why).toBe('failed');
      expect(en(status.message)).toMatch(/virtual phone/i);
      expect(timeline.some((e) => e.kind === 'hint'), why).toBe(true);
      expect(timeline.some((e) => e.kind === 'not-found' && /P0S3-9-99-00/.test(e.file ?? ''))).toBe(true);
    } finally {
      await domain.close();
    }
  });
});
