// What Phonebench adds to a demo migration beyond the simulated flash writes: the same demo (SCCP 8.1(2) to SIP 8.12,
// the virtual phone on loopback) with the flash write at 0 ms and at the product's 1500 ms, alternated in pairs.
// With 0 ms the wall time is everything else: planning, serving, the virtual phone's own fetches and checks.
// Usage: npx tsx bench/migration/demo-overhead.ts [--pairs N]   (part of npm run bench)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Events } from '../../shared/api/contract';
import type { MigrationStatus, TimelineEntry } from '../../shared/api/migrate';
import type { EngineContext } from '../../electron/engine/context';
import { EventBus } from '../../electron/engine/event-bus';
import { EngineLog } from '../../electron/engine/engine-log';
import { engineLibrary, libraryRoot } from '../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../electron/engine/firmware/library-store';
import { createMigrateDomain } from '../../electron/engine/migration/migrate-domain';
import { SettingsStore } from '../../electron/engine/settings-store';
import { buildBundleFixtures } from '../../test/fixtures/firmware-fixtures';

const PRODUCT_FLASH_MS = 1500;

async function demo(ctx: EngineContext, bundleId: string, flashMs: number): Promise<{ ms: number; files: number; state: string }> {
  const domain = createMigrateDomain(ctx, { library: engineLibrary(ctx), demoFlashWriteMs: flashMs });
  const timeline: TimelineEntry[] = [];
  // The timeline tells what was served; flash writes show only on the phone's console, so they are counted from time.
  let end: (s: MigrationStatus) => void = () => {};
  const ended = new Promise<MigrationStatus>((r) => (end = r));
  const off = ctx.events.listen((name, payload) => {
    if (name === 'migrate:timeline') timeline.push(payload as TimelineEntry);
    if (name === 'migrate:state' && ['failed', 'succeeded', 'stopped'].includes((payload as MigrationStatus).state)) end(payload as MigrationStatus);
  });
  const t0 = performance.now();
  try {
    await domain.handlers['migrate:start']({
      mac: '000E84C060A6', model: '7960', bundleId, bindAddress: '127.0.0.1', port: 0, from: 'SCCP 8.1(2)', demo: true,
    });
    const status = await ended;
    const ms = performance.now() - t0;
    return { ms, files: timeline.filter((e) => e.kind === 'served').length, state: status.state };
  } finally {
    off();
    await domain.close?.();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const args = process.argv.slice(2);
const pairs = (args.includes('--pairs') && Number(args[args.indexOf('--pairs') + 1])) || 3;
const dir = mkdtempSync(path.join(tmpdir(), 'pb-demo-bench-'));
try {
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const dataDir = path.join(dir, 'data');
  const bundleId = (await new FirmwareLibrary(libraryRoot(dataDir)).import(fixtures['sip812']!.file)).id;
  const ctx: EngineContext = { log: new EngineLog(path.join(dataDir, 'logs', 'engine.jsonl')), dataDir, host: 'cli', settings: await SettingsStore.load(dataDir), events: new EventBus<Events>(), reportService: () => {} };
  await demo(ctx, bundleId, 0); // warm-up: module loading and first-time caches stay out of the figures
  const zero: number[] = [];
  const full: number[] = [];
  let files = 0;
  for (let r = 0; r < pairs; r++) {
    const order = r % 2 === 0 ? [0, PRODUCT_FLASH_MS] : [PRODUCT_FLASH_MS, 0];
    for (const flash of order) {
      const run = await demo(ctx, bundleId, flash);
      if (run.state !== 'succeeded') throw new Error(`demo ended ${run.state}`);
      (flash === 0 ? zero : full).push(run.ms);
      files = run.files;
      console.log(`pair ${r + 1}, flash write ${flash} ms: ${run.ms.toFixed(0)} ms, ${run.files} files served`);
    }
  }
  const writes = Math.round((median(full) - median(zero)) / PRODUCT_FLASH_MS);
  console.log(
    `\ndemo SCCP 8.1(2) -> SIP 8.12 (${files} files served), ${pairs} pairs: with flash writes of 0 ms ${median(zero).toFixed(0)} ms ` +
      `(${Math.min(...zero).toFixed(0)}-${Math.max(...zero).toFixed(0)}), everything but the flash; with ${PRODUCT_FLASH_MS} ms ` +
      `${median(full).toFixed(0)} ms (${Math.min(...full).toFixed(0)}-${Math.max(...full).toFixed(0)}), i.e. ${writes} flash write(s)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
