import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { requireTool } from '../../support/require-tool';

/** Whether socat is here for `purpose`: a printed skip outside CI, a failure under CI=true (see require-tool). */
export function haveSocat(purpose: string): boolean {
  return requireTool('socat', purpose);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * A virtual null-modem cable: two PTYs joined by socat, reachable as `<dir>/a` and `<dir>/b`.
 * `stop()` unplugs it (the links vanish), `start()` plugs it back on the same paths.
 */
export class SocatPair {
  readonly a: string;
  readonly b: string;
  private child: ChildProcess | undefined;

  constructor(readonly dir: string) {
    this.a = path.join(dir, 'a');
    this.b = path.join(dir, 'b');
  }

  async start(): Promise<void> {
    if (this.child) throw new Error('socat already running');
    const child = spawn(
      'socat',
      [`pty,raw,echo=0,link=${this.a}`, `pty,raw,echo=0,link=${this.b}`],
      { stdio: 'ignore' },
    );
    this.child = child;
    // Bounded by count: up to 10 s for both links to appear.
    for (let i = 0; i < 200; i++) {
      if ((await exists(this.a)) && (await exists(this.b))) return;
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`socat did not create ${this.a} and ${this.b}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
    // socat removes its links on exit; make sure, so "gone" is really gone.
    await fs.rm(this.a, { force: true });
    await fs.rm(this.b, { force: true });
  }
}

/** Polls `check` until it holds, bounded by count and time; returns whether it held. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000, stepMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; i < 100_000 && Date.now() < deadline; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return check();
}
