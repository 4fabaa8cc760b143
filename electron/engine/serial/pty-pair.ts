import { spawn, type ChildProcess } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { trackChild } from '../leftovers';

/** socat's full path when it is on PATH (POSIX only: socat makes no PTYs on Windows). */
export async function findSocat(envPath: string | undefined = process.env.PATH, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  if (platform === 'win32' || !envPath) return undefined;
  for (const dir of envPath.split(path.delimiter).slice(0, 64)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'socat');
    try {
      await fs.access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
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
 * A virtual null-modem cable: two PTYs joined by a socat process, reachable as `<dir>/<a>` and `<dir>/<b>`.
 * The caller owns `dir`; close() ends socat and removes the links (not the folder).
 */
export class PtyPair {
  private constructor(
    readonly a: string,
    readonly b: string,
    private readonly child: ChildProcess,
  ) {}

  /** Starts socat and waits (at most `timeoutMs`) for both links. */
  static async start(socat: string, dir: string, names: [string, string] = ['a', 'b'], timeoutMs = 5000): Promise<PtyPair> {
    const a = path.join(dir, names[0]);
    const b = path.join(dir, names[1]);
    const child = spawn(socat, [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
    // A forced exit (a second Ctrl-C) must not leave socat running.
    const untrack = trackChild(child);
    child.once('exit', untrack);
    let failure: Error | undefined;
    child.on('error', (error) => {
      failure = error;
    });
    const pair = new PtyPair(a, b, child);
    const deadline = Date.now() + timeoutMs;
    for (let i = 0; i < 1000 && Date.now() < deadline; i++) {
      if ((await exists(a)) && (await exists(b))) return pair;
      if (failure || child.exitCode !== null || child.signalCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await pair.close();
    throw new Error(`socat did not create ${a} and ${b}${failure ? `: ${failure.message}` : ''}`);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Ends socat (SIGTERM, then SIGKILL after 2 s) and removes the links. Idempotent. */
  async close(): Promise<void> {
    const child = this.child;
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    }
    await fs.rm(this.a, { force: true });
    await fs.rm(this.b, { force: true });
  }
}
