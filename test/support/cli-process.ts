import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `node bin/phonebench.js ...` as a real process, with what it printed so far. */
export interface CliProcess {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  /** Resolves with the first match of `pattern` in stdout + stderr; rejects when the process ends first. */
  waitFor: (pattern: RegExp, what: string) => Promise<RegExpExecArray>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const repo = path.resolve(import.meta.dirname, '..', '..');

export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, ['bin/phonebench.js', ...args], {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const poke = () => {
    for (const w of waiters) w();
  };
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    poke();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    poke();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
      poke();
    }),
  );
  const waitFor = (pattern: RegExp, what: string) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(out + err);
        if (m) {
          waiters.delete(check);
          resolve(m);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          waiters.delete(check);
          reject(new Error(`phonebench ${args[0]} ended before ${what}:\n${out}\n${err}`));
        }
      };
      waiters.add(check);
      check();
    });
  return { child, out: () => out, err: () => err, waitFor, exited };
}

/** The pids of the direct children of `pid` whose command name is `name` (Linux /proc). */
export function childrenNamed(pid: number, name: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid && comm === name) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Whether a process with this pid still runs (a zombie counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
