import { defaultDataDir } from '../engine/data-dir';
import { Engine } from '../engine/engine';
import { appError, PhonebenchError, type AppError } from '../../shared/api/result';
import { formatMessage } from '../../shared/i18n/format';
import { isMessage, msg } from '../../shared/i18n/message';
import { EXIT_FAILED, type CliIo } from './command';
import { escapeTerminalText } from '../../shared/text/terminal-text';

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? defaultDataDir(env);
}

/**
 * Runs `body` with an engine on the data directory, and always closes it. Given the command's io, a stop
 * request closes the engine at once, which ends whatever the body waits for (an import stops and removes its
 * staging folder); commands that stop their own work on a signal (migrate, sim, console) leave io out.
 */
export async function withEngine<T>(dataDir: string, body: (engine: Engine) => Promise<T>, stopOn?: Pick<CliIo, 'interrupted'>): Promise<T> {
  const engine = await Engine.create({ dataDir, host: 'cli' });
  void stopOn?.interrupted.then(() => engine.close());
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
    io.stderr(`phonebench: ${escapeTerminalText(formatMessage('en', shown.message))}\n`);
    if (shown.fix) io.stderr(`  fix: ${escapeTerminalText(formatMessage('en', shown.fix))}\n`);
  }
  return EXIT_FAILED;
}

function isAppError(value: unknown): value is AppError {
  return typeof value === 'object' && value !== null && 'code' in value && isMessage((value as { message?: unknown }).message);
}
