import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { PhonebenchError } from '../../shared/api/result';
import { msg } from '../../shared/i18n/message';
import { DEFAULT_WEB_LIMITS, WebLoad } from './web-limits';

/**
 * Saves a browser upload under <dataDir>/uploads, so the engine can import it by path. A stated size over
 * the limit is refused before a byte is read; an unstated one is counted as it streams.
 */
export async function saveUpload(
  req: IncomingMessage,
  dataDir: string,
  rawName: string | null,
  load: WebLoad = new WebLoad(DEFAULT_WEB_LIMITS),
): Promise<string> {
  const maxBytes = load.limits.maxUploadBytes;
  const stated = Number(req.headers['content-length']);
  if (Number.isFinite(stated) && stated > maxBytes) throw load.uploadTooLarge();
  const name = path.basename((rawName ?? '').replace(/\\/g, '/'));
  if (!name || name === '.' || name === '..' || name.includes('\0') || name.length > 255) {
    throw new PhonebenchError('bad-request', msg('web.uploadName'), msg('web.uploadName.fix'));
  }
  const dir = path.join(dataDir, 'uploads', randomBytes(8).toString('hex'));
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(load.uploadTooLarge());
      else done(null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(file, { flags: 'wx' }));
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
  return file;
}
