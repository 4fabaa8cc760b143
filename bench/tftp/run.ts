// TFTP benchmark: Phonebench against tftpd-hpa and atftpd on loopback, same client (atftp), same files.
// Usage: npx tsx bench/tftp/run.ts [--write] [--repeats N]   (--write updates the TFTP section of docs/benchmarks.md)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LossyRelay } from '../../test/integration/tftp/lossy-relay';
import { startAtftpd, startPhonebench, startTftpdHpa, type ServerUnderTest } from './peers';

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
  return s[Math.floor(s.length / 2)] ?? NaN;
}

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
  for (const start of [startPhonebench, startTftpdHpa, startAtftpd]) {
    const s = await start(root, await freePort()).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    if (typeof s === 'string') skipped.push(s);
    else servers.push(s);
  }
  const results: { scenario: Scenario; server: string; m: Measure }[] = [];
  try {
    for (const scenario of scenarios) {
      for (const server of servers) {
        const runs: Measure[] = [];
        // Lossy runs are slow (timeouts): at most 3 of them.
        const n = scenario.loss ? Math.min(repeats, 3) : repeats;
        for (let r = 0; r < n; r++) runs.push(await runOnce(server, scenario, outDir, sums, 1000 + r));
        const m: Measure = {
          wallMs: median(runs.map((x) => x.wallMs)),
          cpuSeconds: median(runs.map((x) => x.cpuSeconds)),
          megabytes: runs[0]?.megabytes ?? 0,
          ok: runs.every((x) => x.ok),
        };
        results.push({ scenario, server: server.name, m });
        console.log(`${scenario.name} | ${server.name}: ${m.wallMs.toFixed(0)} ms, ${(m.cpuSeconds / m.megabytes).toFixed(3)} CPU s/MiB${m.ok ? '' : ' (FAILED or corrupt)'}`);
      }
    }
  } finally {
    for (const s of servers) await s.stop();
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(outDir, { recursive: true, force: true });
  }

  const peers = servers.map((s) => s.name).filter((n) => n !== 'phonebench');
  const header = `| scenario | ours (ms) | ${peers.map((p) => `${p} (ms) | ours/${p}`).join(' | ')} | ours CPU s/MiB | ${peers.map((p) => `${p} CPU s/MiB`).join(' | ')} |`;
  const rule = `|${'---|'.repeat(3 + peers.length * 2 + peers.length)}`;
  const rows = scenarios.map((sc) => {
    const get = (name: string) => results.find((r) => r.scenario === sc && r.server === name)?.m;
    const ours = get('phonebench');
    const fmt = (m: Measure | undefined) => (m ? `${m.wallMs.toFixed(0)}${m.ok ? '' : ' (failed)'}` : 'n/a');
    const cpu = (m: Measure | undefined) => (m ? (m.cpuSeconds / m.megabytes).toFixed(3) : 'n/a');
    const cells = peers.map((p) => {
      const m = get(p);
      return `${fmt(m)} | ${ours && m ? (ours.wallMs / m.wallMs).toFixed(2) : 'n/a'}`;
    });
    return `| ${sc.name}${sc.note ? ` (${sc.note})` : ''} | ${fmt(ours)} | ${cells.join(' | ')} | ${cpu(ours)} | ${peers.map((p) => cpu(get(p))).join(' | ')} |`;
  });
  const cpus = os.cpus();
  const section = [
    '<!-- tftp:start -->',
    '## TFTP server',
    '',
    `Measured by \`npx tsx bench/tftp/run.ts\` on ${new Date().toISOString().slice(0, 10)}, ${cpus.length} CPUs (${cpus[0]?.model ?? '?'}), Node ${process.version}, median of ${repeats} runs (3 for the lossy case).`,
    'Each server runs as its own process on 127.0.0.1 (Phonebench: `bench/tftp/phonebench-server.ts`; tftpd-hpa: `in.tftpd -L -s -a 127.0.0.1:PORT`;',
    'atftpd: unpacked from `apt-get download atftpd`, `--daemon --no-fork`). One client for all: `atftp` with the options shown, `--tftp-timeout 1`.',
    'Files: 16 MiB for single transfers, 1 MiB x 50 at once, 64 KiB through the lossy relay (`test/integration/tftp/lossy-relay.ts`, drop only,',
    'seeded, the same seeds for every server). Wall time is from the first client start to the last client exit; CPU is user+system of the server',
    'process from /proc (10 ms ticks, so tiny totals read as 0), plus, for tftpd-hpa, its per-transfer children sampled every 20 ms',
    '(a lower bound: tftpd-hpa ignores SIGCHLD, so the kernel never adds their CPU to it). Divided by the MiB delivered. Every received file',
    'is checked by SHA-256; "(failed)" marks a scenario where at least one run did not deliver the exact file. ours/peer below 1 means faster.',
    'The machine is shared with other work, so wall times carry a few tens of percent of noise.',
    '',
    header,
    rule,
    ...rows,
    ...(skipped.length ? ['', `Not measured: ${skipped.join('; ')}.`] : []),
    '<!-- tftp:end -->',
  ].join('\n');
  console.log(`\n${section}`);
  if (write && only === '') {
    const doc = path.join(process.cwd(), 'docs', 'benchmarks.md');
    const text = await fs.readFile(doc, 'utf8').catch(() => '# Benchmarks\n');
    const re = /<!-- tftp:start -->[\s\S]*?<!-- tftp:end -->/;
    await fs.writeFile(doc, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`);
    console.log(`wrote ${doc}`);
  }
}

await main();
