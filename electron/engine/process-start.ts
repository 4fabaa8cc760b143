import { readFileSync } from 'node:fs';

/** Linux reports a process's start in clock ticks since boot; USER_HZ is 100 on every mainstream kernel. */
const CLOCK_TICKS_PER_SECOND = 100;

let bootSeconds: number | undefined;

function bootTimeSeconds(): number | undefined {
  if (bootSeconds !== undefined) return bootSeconds;
  try {
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
    bootSeconds = btime === undefined ? undefined : Number(btime);
  } catch {
    bootSeconds = undefined;
  }
  return bootSeconds;
}

/**
 * When process `pid` started (ms since the epoch, to about a second), or undefined where this cannot be read
 * (not Linux, gone, not ours to see). A folder named after a PID but older than the process now holding that
 * PID was left by an earlier process: the PID was reused.
 */
export function processStartedAtMs(pid: number): number | undefined {
  const boot = bootTimeSeconds();
  if (boot === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid ...: comm may hold spaces and ')', so fields are counted after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? (boot + ticks / CLOCK_TICKS_PER_SECOND) * 1000 : undefined;
  } catch {
    return undefined;
  }
}
