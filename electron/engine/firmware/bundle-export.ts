import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import { openRegularFile } from '../safe-open';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BundleManifest, ExportResult } from '../../../shared/api/firmware';
import { PhonebenchError } from '../../../shared/api/result';
import { msg, type Message } from '../../../shared/i18n/message';

/**
 * Copies a bundle's files into a folder. Files already there with the same bytes are left alone; a file
 * with other bytes, or a name differing only in case (the TFTP server would not tell them apart), stops
 * the export before anything is written. Each file lands whole (temp + rename) and is checked against its
 * recorded SHA-256 on the way.
 */
export async function exportBundle(
  manifest: BundleManifest,
  libraryPath: (name: string) => string,
  to: string,
): Promise<ExportResult> {
  await fs.mkdir(to, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new PhonebenchError('io-error', msg('firmware.exportCannotCreate', { path: to, code: error.code ?? error.message }), msg('firmware.exportCannotCreate.fix'));
  });
  const present = new Map<string, string>();
  for (const name of await fs.readdir(to)) present.set(name.toLowerCase(), name);

  const conflicts: Message[] = [];
  const unchanged: string[] = [];
  const toWrite: typeof manifest.files = [];
  for (const file of manifest.files) {
    const existing = present.get(file.name.toLowerCase());
    if (existing === undefined) {
      toWrite.push(file);
    } else if (existing !== file.name) {
      conflicts.push(msg('firmware.conflict.case', { existing, name: file.name }));
    } else {
      const stat = await fs.lstat(path.join(to, existing));
      if (!stat.isFile()) conflicts.push(msg('firmware.conflict.notFile', { existing }));
      else if (stat.size === file.size && (await sha256Of(path.join(to, existing))) === file.sha256) unchanged.push(file.name);
      else conflicts.push(msg('firmware.conflict.content', { existing }));
    }
  }
  if (conflicts.length > 0) {
    throw new PhonebenchError(
      'export-conflict',
      msg('firmware.exportConflict', { path: to, conflicts }),
      msg('firmware.exportConflict.fix'),
    );
  }

  const written: string[] = [];
  for (const file of toWrite) {
    const target = path.join(to, file.name);
    const tmp = path.join(to, `.${file.name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const hash = createHash('sha256');
      const tee = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      await pipeline((await openRegularFile(libraryPath(file.name), { noFollow: true })).handle.createReadStream(), tee, createWriteStream(tmp, { flags: 'wx' }));
      if (hash.digest('hex') !== file.sha256) {
        throw new PhonebenchError(
          'io-error',
          msg('firmware.libraryCopyChanged', { name: file.name }),
          msg('firmware.libraryCopyChanged.fix', { id: manifest.id }),
        );
      }
      await fs.rename(tmp, target);
      written.push(file.name);
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }
  return { to, written, unchanged };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  // The target folder is a TFTP root others may write to: a FIFO there must not block the export.
  await pipeline((await openRegularFile(file)).handle.createReadStream(), hash);
  return hash.digest('hex');
}
