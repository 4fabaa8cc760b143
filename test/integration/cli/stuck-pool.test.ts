import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFifo, unblockFifos } from '../../support/fifo';

/**
 * A clean stop's deadline ends the process for sure, even when every thread of libuv's pool is stuck in an
 * open() (process.exit() alone waits for those threads forever while tearing down). The pool is blocked from a
 * preload, not through the product: the product's own opens no longer block (electron/engine/safe-open.ts).
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pb-stuck-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
/** Only catches a hang; the deadline itself is the CLI's 1.5 s. */
const EXIT_BOUND_MS = 30_000;
const POOL_THREADS = 4;

/** Threads of `pid` blocked in open() on a FIFO (Linux: the kernel's wait_for_partner). */
function threadsWaitingOnFifo(pid: number): number {
  let count = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      if (readFileSync(`/proc/${pid}/task/${task}/wchan`, 'utf8').includes('wait_for_partner')) count++;
    } catch {
      // The thread ended while we looked.
    }
  }
  return count;
}

async function until(check: () => boolean, what: string, boundMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > boundMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function runBlocked(name: string, signals: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }> {
  const root = path.join(dir, `${name}-root`);
  await mkdir(root, { recursive: true });
  const fifos = Array.from({ length: POOL_THREADS }, (_, i) => makeFifo(path.join(dir, `${name}-fifo-${i}`)));
  const child = spawn(
    process.execPath,
    ['--import', path.join(repo, 'test/support/block-pool-preload.mjs'), 'bin/phonebench.js', 'tftp', 'serve', '--root', root, '--port', '0', '--all-phones', '--data-dir', path.join(dir, `${name}-data`)],
    { cwd: repo, env: { ...process.env, PB_TEST_BLOCK_FIFOS: fifos.join(':'), UV_THREADPOOL_SIZE: String(POOL_THREADS) }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let timer: NodeJS.Timeout | undefined;
  try {
    await until(() => /Listening on/.test(out), 'the listening line');
    child.kill('SIGUSR2');
    await until(() => threadsWaitingOnFifo(child.pid!) >= POOL_THREADS, 'every pool thread to block on a FIFO');
    child.kill('SIGTERM');
    // Signals of one kind sent back to back merge into one: the second goes once the first was seen.
    if (signals > 1) {
      await until(() => /stopping \(SIGTERM\)/.test(err), 'the first stop');
      child.kill('SIGTERM');
    }
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still running ${EXIT_BOUND_MS} ms after SIGTERM:\n${out}\n${err}`)), EXIT_BOUND_MS);
    });
    return { ...(await Promise.race([exited, hung])), err };
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    unblockFifos(fifos);
  }
}

describe.runIf(process.platform === 'linux')('a stop with the thread pool stuck', () => {
  it('one SIGTERM: the deadline passes and the process ends (by the signal: the shell sees 143)', async () => {
    const ended = await runBlocked('deadline', 1);
    expect(ended.err).toContain('exiting now');
    expect([{ code: null, signal: 'SIGTERM' }, { code: 143, signal: null }], ended.err).toContainEqual({ code: ended.code, signal: ended.signal });
  });

  it('two SIGTERMs: the process ends at once', async () => {
    const ended = await runBlocked('twice', 2);
    expect(ended.err).toMatch(/SIGTERM( again)?; exiting now|did not (stop|end) within/);
    expect([{ code: null, signal: 'SIGTERM' }, { code: 143, signal: null }], ended.err).toContainEqual({ code: ended.code, signal: ended.signal });
  });
});
