import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { PhonebenchError } from '../../shared/api/result';
import { msg } from '../../shared/i18n/message';

export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

/** Saves a browser upload under <dataDir>/uploads, so the engine can import it by path. */
export async function saveUpload(req: IncomingMessage, dataDir: string, rawName: string | null): Promise<string> {
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
      if (seen > MAX_UPLOAD_BYTES) done(new PhonebenchError('bad-request', msg('web.uploadTooLarge')));
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
