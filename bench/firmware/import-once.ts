/**
 * One import in a fresh process, so its peak memory is its own: prints {ms, peakRssMiB, baseRssMiB}.
 * Usage: npx tsx bench/firmware/import-once.ts ARCHIVE LIBRARY_DIR
 */
import { readFileSync } from 'node:fs';
import { FirmwareLibrary } from '../../electron/engine/firmware/library-store';

function vmHwmMiB(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

const [archive, libraryDir] = process.argv.slice(2);
if (archive === undefined || libraryDir === undefined) {
  console.error('usage: import-once.ts ARCHIVE LIBRARY_DIR');
  process.exit(2);
}
const baseRssMiB = process.memoryUsage().rss / (1024 * 1024);
const library = new FirmwareLibrary(libraryDir);
const started = performance.now();
await library.import(archive);
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, peakRssMiB: vmHwmMiB(), baseRssMiB }));
