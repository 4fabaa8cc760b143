import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultDataDir } from '../engine/data-dir';
import { Engine } from '../engine/engine';
import { appError, PhonebenchError, type AppError } from '../../shared/api/result';
import { formatMessage } from '../../shared/i18n/format';
import { isMessage, msg } from '../../shared/i18n/message';

/** Where a command reads and writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  env: NodeJS.ProcessEnv;
  /** Resolves when the user asks to stop (Ctrl-C, SIGTERM). */
  interrupted: Promise<void>;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every engine-backed command accepts. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

export class UsageError extends Error {}

/** Parses flags strictly; unknown flags become a UsageError naming the command's usage. */
export function parseFlags<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? defaultDataDir(env);
}

/** Runs `body` with an engine on the data directory, and always closes it. */
export async function withEngine<T>(dataDir: string, body: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await Engine.create({ dataDir, host: 'cli' });
  try {
    return await body(engine);
  } finally {
    await engine.close();
  }
}

/** Prints an engine error the way every command does, and returns the failing exit code. */
export function reportError(io: CliIo, error: AppError | unknown, json = false): number {
  const shown: AppError =
    error instanceof PhonebenchError
      ? error.toAppError()
      : isAppError(error)
        ? error
        : appError('internal', msg('error.internal', { detail: error instanceof Error ? error.message : String(error) }));
  if (json) {
    // Scripts read English text; the message itself rides along for those who want the key.
    const text = { code: shown.code, message: formatMessage('en', shown.message), ...(shown.fix ? { fix: formatMessage('en', shown.fix) } : {}), detail: shown.message };
    io.stdout(`${JSON.stringify({ ok: false, error: text })}\n`);
  } else {
    io.stderr(`phonebench: ${formatMessage('en', shown.message)}\n`);
    if (shown.fix) io.stderr(`  fix: ${formatMessage('en', shown.fix)}\n`);
  }
  return EXIT_FAILED;
}

function isAppError(value: unknown): value is AppError {
  return typeof value === 'object' && value !== null && 'code' in value && isMessage((value as { message?: unknown }).message);
}
