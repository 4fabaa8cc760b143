// Paired loss check: the same seeded 10% drop relay in front of Phonebench and tftpd-hpa, seed by seed, so both
// see the same loss pattern. Usage: npx tsx bench/tftp/loss-per-seed.ts [SEEDS]   (needs atftp and tftpd-hpa)
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { DirectorySource } from '../../electron/engine/tftp/file-source';
import { TftpServer } from '../../electron/engine/tftp/server';
import type { TftpEvent } from '../../shared/api/tftp';
import { LossyRelay } from '../../test/integration/tftp/lossy-relay';

const HPA_PORT = 17069;
const LOSS = { drop: 0.1, duplicate: 0, reorder: 0, delay: 0, maxDelayMs: 0 };

function atftpGet(root: string, port: number): Promise<number> {
  const t0 = performance.now();
  const args = ['--option', 'blksize 1468', '--option', 'timeout 1', '--tftp-timeout', '1', '-g', '-r', 'small.bin', '-l', path.join(root, 'out.bin'), '127.0.0.1', String(port)];
  return new Promise((resolve) => spawn('atftp', args, { stdio: 'ignore' }).on('exit', () => resolve(performance.now() - t0)));
}

async function throughRelay(root: string, serverPort: number, seed: number): Promise<{ ms: number; dropped: number }> {
  const relay = await LossyRelay.start(serverPort, LOSS, seed);
  const ms = await atftpGet(root, relay.port);
  relay.close();
  return { ms, dropped: relay.stats.dropped };
}

async function main(): Promise<void> {
  const seeds = Number(process.argv[2] ?? 4);
  const root = mkdtempSync(path.join(os.tmpdir(), 'pb-loss-'));
  writeFileSync(path.join(root, 'small.bin'), randomBytes(64 * 1024), { mode: 0o644 });
  chmodSync(root, 0o755); // tftpd-hpa reads as user tftp
  const ours = await TftpServer.start({ address: '127.0.0.1', port: 0, sources: [new DirectorySource(root)], allow: null, maxBlksize: 1468, maxWindowsize: 16, timeoutMs: 1000, retries: 6, rolloverTo: 0 });
  let retransmits = 0;
  ours.on('event', (e: TftpEvent) => {
    if (e.type === 'completed' || e.type === 'failed') retransmits = e.retransmits;
  });
  const hpa = spawn('/usr/sbin/in.tftpd', ['-L', '-s', '-a', `127.0.0.1:${HPA_PORT}`, root], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 300));
  let sumOurs = 0;
  let sumHpa = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const a = await throughRelay(root, ours.address().port, seed);
    const b = await throughRelay(root, HPA_PORT, seed);
    sumOurs += a.ms;
    sumHpa += b.ms;
    console.log(`seed ${seed}: Phonebench ${a.ms.toFixed(0)} ms (${a.dropped} dropped, ${retransmits} retransmits); tftpd-hpa ${b.ms.toFixed(0)} ms (${b.dropped} dropped)`);
  }
  console.log(`total: Phonebench ${(sumOurs / 1000).toFixed(1)} s, tftpd-hpa ${(sumHpa / 1000).toFixed(1)} s, ratio ${(sumOurs / sumHpa).toFixed(2)}`);
  hpa.kill();
  await ours.close();
  rmSync(root, { recursive: true, force: true });
}

void main();
