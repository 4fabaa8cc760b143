/**
 * Firmware import against the usual tools on the same 50 MB archive: our import (stream, CRC-check,
 * SHA-256 every file, hash the source, atomic rename) against `unzip` for a zip and GNU `tar` for a tar.gz.
 * Median of several runs, each in a fresh process; peak memory from /usr/bin/time (or /proc for ours).
 * Usage: npx tsx bench/firmware/run.ts [--runs N] [--no-write]
 * Writes the firmware section of docs/benchmarks.md unless --no-write.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDocSection } from '../doc-section';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { fillerChunks, packStreamedEntry, writeLargeZip } from '../../test/fixtures/firmware-fixtures';

const MiB = 1024 * 1024;
const args = process.argv.slice(2);
const runsFlag = args.indexOf('--runs');
const RUNS = Math.max(1, Math.min(20, runsFlag >= 0 ? Number(args[runsFlag + 1] ?? 5) : 5));
const WRITE = !args.includes('--no-write');
const repo = path.resolve(import.meta.dirname, '..', '..');

interface Sample {
  ms: number;
  peakMiB: number;
  /** Ours only: RSS of the process before the import started (runtime, tsx, modules). */
  baseMiB?: number;
}

function have(tool: string): boolean {
  return spawnSync('which', [tool], { stdio: 'ignore' }).status === 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs a peer under /usr/bin/time -v: wall time and max RSS. */
function timePeer(command: string, commandArgs: string[]): Sample {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-v', command, ...commandArgs], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
  return { ms, peakMiB: kb === undefined ? Number.NaN : Number(kb) / 1024 };
}

function timeOurs(archive: string, libraryDir: string): Sample {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench/firmware/import-once.ts'), archive, libraryDir], {
    cwd: repo,
    encoding: 'utf8',
  });
  const parsed = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ms: number; peakRssMiB: number; baseRssMiB: number };
  return { ms: parsed.ms, peakMiB: parsed.peakRssMiB, baseMiB: parsed.baseRssMiB };
}

async function writeTarGz(file: string, entries: { name: string; size: number; seed: number }[]): Promise<void> {
  const pack = tar.pack();
  const done = pipeline(pack, createGzip({ level: 6 }), createWriteStream(file));
  for (const entry of entries) {
    await packStreamedEntry(pack, entry.name, entry.size, fillerChunks(entry.size, entry.seed));
  }
  pack.finalize();
  await done;
}

async function main(): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-bench-fw-'));
  try {
    const entries = [
      { name: 'OS79XX.TXT', size: 12, seed: 1 },
      ...[0, 1, 2, 3, 4].map((i) => ({ name: `P0S3-8-12-0${i}.sb2`, size: 10 * MiB, seed: 10 + i })),
    ];
    const zip = path.join(work, 'bench.zip');
    const zipBytes = await writeLargeZip(zip, entries);
    const tgz = path.join(work, 'bench.tgz');
    await writeTarGz(tgz, entries);
    const tgzBytes = (await fs.stat(tgz)).size;

    const rows: { label: string; archive: string; ours: Sample[]; peer: Sample[]; peerName: string }[] = [];
    const cases: { label: string; archive: string; peerName: string; peer: (dir: string) => [string, string[]] }[] = [];
    if (have('unzip')) cases.push({ label: `zip, ${(zipBytes / MiB).toFixed(1)} MiB`, archive: zip, peerName: 'unzip -q', peer: (dir) => ['unzip', ['-q', '-o', zip, '-d', dir]] });
    else console.warn('unzip not installed (apt-get install -y unzip): zip comparison skipped');
    if (have('tar')) cases.push({ label: `tar.gz, ${(tgzBytes / MiB).toFixed(1)} MiB`, archive: tgz, peerName: 'tar -xzf', peer: (dir) => ['tar', ['-xzf', tgz, '-C', dir]] });

    for (const c of cases) {
      const ours: Sample[] = [];
      const peer: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        const lib = path.join(work, `lib-${i}`);
        ours.push(timeOurs(c.archive, lib));
        await fs.rm(lib, { recursive: true, force: true });
        const dir = path.join(work, `peer-${i}`);
        await fs.mkdir(dir);
        const [command, commandArgs] = c.peer(dir);
        peer.push(timePeer(command, commandArgs));
        await fs.rm(dir, { recursive: true, force: true });
      }
      rows.push({ label: c.label, archive: c.archive, ours, peer, peerName: c.peerName });
    }

    const lines = [
      '## Firmware import',
      '',
      `Measured by \`npx tsx bench/firmware/run.ts\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, median of ${RUNS} runs, each in a fresh process.`,
      'Archive: OS79XX.TXT and five 10 MiB incompressible images (stored zip, or tar.gz level 6). Ours also hashes the source, checks every CRC,',
      'computes SHA-256 of every file, writes the manifest and renames the bundle into place; the peers only unpack.',
      'The bench machine is shared with other work: single runs vary by about ±30 %, so read the ratios, not the milliseconds.',
      '',
      '| archive | ours (ms) | peer | peer (ms) | ratio ours/peer | our peak RSS (MiB) | our RSS before import (MiB) | peer peak RSS (MiB) |',
      '|---|---|---|---|---|---|---|---|',
      ...rows.map((r) => {
        const o = median(r.ours.map((s) => s.ms));
        const p = median(r.peer.map((s) => s.ms));
        const om = median(r.ours.map((s) => s.peakMiB));
        const pm = median(r.peer.map((s) => s.peakMiB));
        const ob = median(r.ours.map((s) => s.baseMiB ?? Number.NaN));
        return `| ${r.label} | ${o.toFixed(0)} | \`${r.peerName}\` | ${p.toFixed(0)} | ${(o / p).toFixed(2)} | ${om.toFixed(0)} | ${ob.toFixed(0)} | ${pm.toFixed(1)} |`;
      }),
      '',
      'Our peak RSS includes the Node runtime, tsx and the modules (the "before import" column); the 200 MB memory test',
      '(`test/integration/firmware/large-import.test.ts`) asserts the growth during an import stays under 150 MiB.',
    ];
    const section = lines.join('\n');
    console.log(section);
    if (WRITE) {
      await writeDocSection(path.join(repo, 'docs/benchmarks.md'), 'firmware', section);
      console.log('wrote the firmware section of docs/benchmarks.md');
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

await main();
