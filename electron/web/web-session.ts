import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readRegularFile } from '../engine/safe-open';
import type { SettingsStore } from '../engine/settings-store';
import { logSwallowed } from '../engine/engine-log';

/**
 * `npm start` (serve without --port) keeps its address across restarts, so a tab left open reconnects instead of
 * retrying a port nobody listens on (issue 19 item 4): the last port is kept in the data folder's settings
 * (a fixed default the first time), the token beside it in a file only this user can read (as Jupyter keeps
 * its runtime file). An explicit --port gets a fresh token each start, as before.
 */

/** The first start's port: a free-looking user port, easy to say ("Phonebench on 7960"). */
export const DEFAULT_WEB_PORT = 7960;

const TOKEN_FILE = 'web-token';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export interface RememberedSession {
  port: number;
  token: string;
}

/** The port and token of the last start from this data folder; made (and kept) on the first. */
export async function rememberedSession(dataDir: string, settings: Pick<SettingsStore, 'get'>): Promise<RememberedSession> {
  const port = settings.get().webPort ?? DEFAULT_WEB_PORT;
  const file = path.join(dataDir, TOKEN_FILE);
  const kept = await readRegularFile(file, 256).then(
    (b) => b.toString('latin1').trim(),
    () => '',
  );
  if (TOKEN_PATTERN.test(kept)) return { port, token: kept };
  const token = randomBytes(24).toString('base64url');
  await writePrivate(file, `${token}\n`).catch((error: unknown) => logSwallowed('web', 'keep the web token', error));
  return { port, token };
}

/** Keeps the port actually bound for the next start; a failure only costs the next start its old address. */
export async function rememberPort(settings: Pick<SettingsStore, 'get' | 'update'>, port: number): Promise<void> {
  if (settings.get().webPort === port) return;
  await settings.update({ webPort: port }).catch((error: unknown) => logSwallowed('web', 'keep the web port', error));
}

/** Written whole (temporary file, then rename), readable by this user only. */
async function writePrivate(file: string, text: string): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}
