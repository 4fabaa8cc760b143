import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TftpEvent } from '../../../shared/api/tftp';
import { DirectorySource, VirtualFiles, type FileSource } from '../../../electron/engine/tftp/file-source';
import { TftpServer, type TftpServerOptions } from '../../../electron/engine/tftp/server';

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `pb-tftp-${prefix}-`));
}

/** Deterministic bytes of a given size (so failures are reproducible). */
export function patternBytes(size: number, seed = 1): Buffer {
  const b = Buffer.allocUnsafe(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface Fixture {
  server: TftpServer;
  port: number;
  root: string;
  virtual: VirtualFiles;
  events: TftpEvent[];
  close(): Promise<void>;
}

export async function startFixture(overrides: Partial<TftpServerOptions> = {}, root?: string): Promise<Fixture> {
  const dir = root ?? (await tempDir('root'));
  const virtual = new VirtualFiles();
  const sources: FileSource[] = [virtual, new DirectorySource(dir)];
  const server = await TftpServer.start({
    address: '127.0.0.1',
    port: 0,
    sources,
    maxBlksize: 1468,
    maxWindowsize: 16,
    timeoutMs: 1000,
    retries: 5,
    rolloverTo: 0,
    ...overrides,
  });
  const events: TftpEvent[] = [];
  server.on('event', (e) => events.push(e));
  return {
    server,
    port: server.address().port,
    root: dir,
    virtual,
    events,
    async close() {
      await server.close();
      if (!root) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a client program with a hard time limit. */
export function run(cmd: string, args: string[], timeoutMs = 30_000, cwd?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, cwd, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** The path of an installed program, or undefined. */
export async function which(program: string): Promise<string | undefined> {
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    const candidate = path.join(dir, program);
    if (await fs.access(candidate, 1).then(() => true, () => false)) return candidate;
  }
  return undefined;
}

/** Waits until `check` is true, polling, bounded by count (never a timed assertion). */
export async function until(check: () => boolean, what: string, tries = 200, stepMs = 25): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}
