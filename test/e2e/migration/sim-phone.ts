import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SimEvent } from '../../../shared/api/sim';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface SimRun {
  /** Resolves with the exit code and every event the phone printed, once the process ends. */
  done: Promise<{ code: number | null; events: SimEvent[]; stderr: string }>;
  stop(): void;
}

/** `phonebench sim --json` in its own process: a virtual 7940/7960 booting against a TFTP server on loopback. */
export function startSimPhone(o: { port: number; mac: string; model: '7940' | '7960'; firmware: string; dataDir: string; flashWriteMs: number }): SimRun {
  const child = spawn(
    process.execPath,
    ['bin/phonebench.js', 'sim', '--json', '--tftp', `127.0.0.1:${o.port}`, '--mac', o.mac, '--model', o.model, '--firmware', o.firmware, '--flash-write-ms', String(o.flashWriteMs), '--data-dir', o.dataDir],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ code: number | null; events: SimEvent[]; stderr: string }>((resolve) => {
    child.once('exit', (code) => {
      const events = out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as SimEvent);
      resolve({ code, events, stderr });
    });
  });
  return {
    done,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
