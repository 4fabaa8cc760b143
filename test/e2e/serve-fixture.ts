import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServedApp {
  url: string;
  port: number;
  dataDir: string;
}

export interface ServeOptions {
  /** A fixed port (to restart on the same address); 0 picks a free one; 'kept': no --port, as npm start runs it. */
  port?: number | 'kept';
  /** Reuse this data directory instead of a fresh one (it is then left in place on stop). */
  dataDir?: string;
}

/** Starts `phonebench serve` on a free port with a fresh data directory, for one test file's worker. */
export async function startServe(extraEnv: NodeJS.ProcessEnv = {}, options: ServeOptions = {}): Promise<ServedApp & { stop(): Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'pb-e2e-'));
  const port = options.port === 'kept' ? [] : ['--port', String(options.port ?? 0)];
  const args = ['bin/phonebench.js', 'serve', ...port, '--json', '--data-dir', dataDir];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`phonebench serve printed no URL in 30 s: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once('exit', (code) => reject(new Error(`phonebench serve exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<object, { app: ServedApp }>({
  app: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const served = await startServe();
      await use(served);
      await served.stop();
    },
    { scope: 'worker' },
  ],
});

/** One server and data folder per test: the library holds only what that test put in it. */
export const freshTest = base.extend<{ fresh: ServedApp }>({
  // eslint-disable-next-line no-empty-pattern
  fresh: async ({}, use) => {
    const served = await startServe();
    await use(served);
    await served.stop();
  },
});

export { expect } from '@playwright/test';
