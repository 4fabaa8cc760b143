// TFTP benchmark: Phonebench against the Node floor, tftpd-hpa and atftpd on loopback, same client (atftp), same files.
// Runs are paired: each repeat measures every server once, in alternating order, and the tables report the median
// and min-max of the per-pair ratios (lossy rows: every server of a pair sees the same relay seed).
// Usage: npx tsx bench/tftp/run.ts [--write] [--repeats N] [--only TEXT]   (--write updates docs/benchmarks.md)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDocSection } from '../doc-section';
import { LossyRelay } from '../../test/integration/tftp/lossy-relay';
import { startAtftpd, startFloor, startPhonebench, startTftpdHpa, type ServerUnderTest } from './peers';

interface Scenario {
  name: string;
  file: string;
  options: string[];
  concurrent: number;
  loss?: number;
  note?: string;
}

const MiB = 1024 * 1024;
const FILES: Record<string, number> = { 'big.bin': 16 * MiB, 'mid.bin': 1 * MiB, 'small.bin': 64 * 1024 };
const SCENARIOS: Scenario[] = [
  { name: 'one transfer, 512-byte lockstep', file: 'big.bin', options: [], concurrent: 1 },
  { name: 'one transfer, blksize 1468', file: 'big.bin', options: ['blksize 1468'], concurrent: 1 },
  { name: 'one transfer, blksize 1468, windowsize 8', file: 'big.bin', options: ['blksize 1468', 'windowsize 8'], concurrent: 1, note: 'tftpd-hpa has no windowsize: lockstep' },
  { name: 'one transfer, blksize 1468, windowsize 16', file: 'big.bin', options: ['blksize 1468', 'windowsize 16'], concurrent: 1, note: 'tftpd-hpa has no windowsize: lockstep' },
  { name: '50 concurrent transfers, 1 MiB each, 512-byte blocks', file: 'mid.bin', options: [], concurrent: 50 },
  { name: '10% loss both ways, 64 KiB, blksize 1468, timeout 1 s', file: 'small.bin', options: ['blksize 1468', 'timeout 1'], concurrent: 1, loss: 0.1 },
];

const args = process.argv.slice(2);
const write = args.includes('--write');
const repeats = (args.includes('--repeats') && Number(args[args.indexOf('--repeats') + 1])) || 5;
/** --only TEXT: run the scenarios whose name contains TEXT (for a quick look; never with --write). */
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '') : '';
const scenarios = SCENARIOS.filter((s) => s.name.includes(only));

function sha(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

async function freePort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind({ address: '127.0.0.1', port: 0 }, r));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function atftpGet(port: number, file: string, out: string, options: string[], timeoutMs: number): Promise<number | null> {
  const argv = [...options.flatMap((o) => ['--option', o]), '--tftp-timeout', '1', '-g', '-r', file, '-l', out, '127.0.0.1', String(port)];
  return new Promise((resolve) => {
    const child = spawn('atftp', argv, { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

interface Measure {
  wallMs: number;
  cpuSeconds: number;
  megabytes: number;
  ok: boolean;
}

async function runOnce(server: ServerUnderTest, s: Scenario, outDir: string, sums: Map<string, string>, seed: number): Promise<Measure> {
  let port = server.port;
  let relay: LossyRelay | undefined;
  if (s.loss) {
    relay = await LossyRelay.start(server.port, { drop: s.loss, duplicate: 0, reorder: 0, delay: 0, maxDelayMs: 0 }, seed);
    port = relay.port;
  }
  const cpu0 = await server.cpuSeconds();
  const t0 = performance.now();
  const outs = Array.from({ length: s.concurrent }, (_, i) => path.join(outDir, `${server.name}-${i}.out`));
  await Promise.all(outs.map((out) => atftpGet(port, s.file, out, s.options, 120_000)));
  const wallMs = performance.now() - t0;
  relay?.close();
  // Let forked children of tftpd-hpa be reaped so their CPU time is counted.
  await new Promise((r) => setTimeout(r, 150));
  const cpuSeconds = (await server.cpuSeconds()) - cpu0;
  let ok = true;
  for (const out of outs) {
    const got = await fs.readFile(out).catch(() => Buffer.alloc(0));
    if (sha(got) !== sums.get(s.file)) ok = false;
    await fs.rm(out, { force: true });
  }
  return { wallMs, cpuSeconds, megabytes: ((FILES[s.file] ?? 0) * s.concurrent) / MiB, ok };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** "1.05 (0.98-1.12)": median and range of the per-pair ratios a/b. */
function pairedRatio(a: Measure[] | undefined, b: Measure[] | undefined, pick: (m: Measure) => number): string {
  if (!a || !b) return 'n/a';
  const ratios = a.map((x, i) => pick(x) / pick(b[i] as Measure)).filter((r) => Number.isFinite(r));
  if (ratios.length === 0) return 'n/a';
  return `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})`;
}

const ORDER = ['phonebench', 'floor', 'tftpd-hpa', 'atftpd'];

async function main(): Promise<void> {
  if (process.platform !== 'linux') {
    console.log('skipped: the TFTP bench reads CPU time from /proc (Linux only)');
    return;
  }
  if (!existsSync('/usr/bin/atftp')) {
    console.log('skipped: the atftp client is missing (apt-get install -y atftp)');
    return;
  }
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-tftp-bench-root-'));
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-tftp-bench-out-'));
  await fs.chmod(root, 0o755);
  const sums = new Map<string, string>();
  for (const [name, size] of Object.entries(FILES)) {
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4) data.writeUInt32LE((i * 2654435761) >>> 0, i);
    await fs.writeFile(path.join(root, name), data, { mode: 0o644 });
    sums.set(name, sha(data));
  }

  const servers: ServerUnderTest[] = [];
  const skipped: string[] = [];
  for (const start of [startPhonebench, startFloor, startTftpdHpa, startAtftpd]) {
    const s = await start(root, await freePort()).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    if (typeof s === 'string') skipped.push(s);
    else servers.push(s);
  }
  const loadBefore = os.loadavg();
  /** Per scenario, per server: one Measure per pair, in pair order. */
  const results = new Map<Scenario, Map<string, Measure[]>>();
  try {
    for (const scenario of scenarios) {
      const byServer = new Map<string, Measure[]>(servers.map((s) => [s.name, []]));
      results.set(scenario, byServer);
      // Lossy runs are slow (about 1 s per drop): at most 4 seeds.
      const n = scenario.loss ? Math.min(repeats, 4) : repeats;
      for (let r = 0; r < n; r++) {
        // Alternate the order so no server always runs first (or right after the same neighbour).
        const order = r % 2 === 0 ? servers : [...servers].reverse();
        for (const server of order) byServer.get(server.name)?.push(await runOnce(server, scenario, outDir, sums, 1000 + r));
      }
      const line = servers.map((s) => {
        const runs = byServer.get(s.name) ?? [];
        return `${s.name} ${median(runs.map((m) => m.wallMs)).toFixed(0)} ms${runs.every((m) => m.ok) ? '' : ' (FAILED or corrupt)'}`;
      });
      console.log(`${scenario.name}: ${line.join(', ')}; ours/floor ${pairedRatio(byServer.get('phonebench'), byServer.get('floor'), (m) => m.wallMs)}`);
    }
  } finally {
    for (const s of servers) await s.stop();
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(outDir, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg();

  const names = ORDER.filter((n) => servers.some((s) => s.name === n));
  const label = (sc: Scenario): string => `${sc.name}${sc.note ? ` (${sc.note})` : ''}`;
  const runsOf = (sc: Scenario, name: string): Measure[] | undefined => results.get(sc)?.get(name);
  const ms = (runs: Measure[] | undefined): string =>
    runs && runs.length ? `${median(runs.map((m) => m.wallMs)).toFixed(0)}${runs.every((m) => m.ok) ? '' : ' (failed)'}` : 'n/a';
  const cpu = (runs: Measure[] | undefined): string => (runs && runs.length ? median(runs.map((m) => m.cpuSeconds / m.megabytes)).toFixed(4) : 'n/a');
  const pairs: [string, string][] = [
    ['phonebench', 'floor'],
    ['phonebench', 'tftpd-hpa'],
    ['phonebench', 'atftpd'],
    ['floor', 'tftpd-hpa'],
    ['floor', 'atftpd'],
  ].filter(([a, b]) => names.includes(a as string) && names.includes(b as string)) as [string, string][];
  const pairName = (n: string): string => (n === 'phonebench' ? 'ours' : n);
  const table = (cols: string[], rows: string[][]): string[] => [`| ${cols.join(' | ')} |`, `|${'---|'.repeat(cols.length)}`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
  const wallTable = table(
    ['scenario', ...names.map((n) => `${pairName(n)} (ms)`)],
    scenarios.map((sc) => [label(sc), ...names.map((n) => ms(runsOf(sc, n)))]),
  );
  const ratioTable = table(
    ['scenario', ...pairs.map(([a, b]) => `${pairName(a)}/${pairName(b)}`)],
    scenarios.map((sc) => [sc.name, ...pairs.map(([a, b]) => pairedRatio(runsOf(sc, a), runsOf(sc, b), (m) => m.wallMs))]),
  );
  const cpuTable = table(
    ['scenario', ...names.map((n) => `${pairName(n)}`), 'ours/tftpd-hpa per pair'],
    scenarios.map((sc) => [
      sc.name,
      ...names.map((n) => cpu(runsOf(sc, n))),
      pairedRatio(runsOf(sc, 'phonebench'), runsOf(sc, 'tftpd-hpa'), (m) => Math.max(m.cpuSeconds, 0.005)),
    ]),
  );
  const cpus = os.cpus();
  const load = (l: number[]): string => l.map((x) => x.toFixed(1)).join(' / ');
  const section = [
    '<!-- tftp:start -->',
    '## TFTP server',
    '',
    `Measured by \`npm run bench\` (\`bench/tftp/run.ts\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus.length} CPUs (${cpus[0]?.model ?? '?'}), Node ${process.version},`,
    `${repeats} pairs (4 for the lossy row). Load average (1/5/15 min) ${load(loadBefore)} before, ${load(loadAfter)} after: the machine is shared,`,
    'so absolute times are noisy; read the paired ratios.',
    '',
    'Each server runs as its own process on 127.0.0.1: ours (`bench/tftp/phonebench-server.ts`), the Node floor (`bench/tftp/floor-server.ts`:',
    'files in memory, one connected socket per transfer, no events, no checks), tftpd-hpa (`in.tftpd -L -s -a 127.0.0.1:PORT`) and atftpd',
    '(unpacked from `apt-get download atftpd`, `--daemon --no-fork`). One client for all: `atftp` with the options shown, `--tftp-timeout 1`.',
    'Files: 16 MiB for single transfers, 1 MiB x 50 at once, 64 KiB through the lossy relay (`test/integration/tftp/lossy-relay.ts`, drop only).',
    'A pair is one run of every server, back to back, in alternating order; lossy pairs share one relay seed. Wall time is from the first',
    'client start to the last client exit. Every received file is checked by SHA-256; "(failed)" marks a server that did not deliver the exact',
    'file in at least one run. A ratio below 1 means the first-named is faster.',
    '',
    'Wall time, median of the runs:',
    '',
    ...wallTable,
    '',
    'Per-pair ratios of wall time, median (min-max):',
    '',
    ...ratioTable,
    '',
    'Server CPU seconds per MiB delivered (user+system from /proc in 10 ms ticks; tftpd-hpa adds its per-transfer children, sampled every',
    '10 ms from schedstat, a lower bound since it ignores SIGCHLD), median; the last column is the per-pair ratio (each CPU total floored at 5 ms):',
    '',
    ...cpuTable,
    ...(skipped.length ? ['', `Not measured: ${skipped.join('; ')}.`] : []),
    '<!-- tftp:end -->',
  ].join('\n');
  console.log(`\n${section}`);
  if (write && only === '') {
    const doc = path.join(process.cwd(), 'docs', 'benchmarks.md');
    await writeDocSection(doc, 'tftp', section);
    console.log(`wrote ${doc}`);
  }
}

await main();
