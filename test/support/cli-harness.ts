import { PassThrough } from 'node:stream';
import type { CliCommand, CliIo } from '../../electron/cli/command';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** A CliIo that records what a command prints; `interrupt()` plays Ctrl-C. */
export function recordingIo(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let interrupt: () => void = () => {};
  const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdin: new PassThrough(),
    env,
    interrupted,
  };
  return { io, out: () => out.join(''), err: () => err.join(''), interrupt };
}

/** Runs one command in process, as `phonebench <command> ...args` would. */
export async function runCommand(command: CliCommand, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const recorder = recordingIo(env);
  const code = await command.run(args, recorder.io);
  return { code, out: recorder.out(), err: recorder.err() };
}
