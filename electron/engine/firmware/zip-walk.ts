import { close } from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { ArchiveEntry, EntryType, EntryVisitor } from './archive-entry';
import { openRegularFd } from '../safe-open';


/** Visits every entry of a zip file, one at a time (yauzl, lazyEntries): nothing is held in memory. */
export async function walkZip(file: string, where: string, visit: EntryVisitor): Promise<void> {
  const zip = await openZip(file, where);
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: unknown): void => {
        if (failed) return;
        failed = true;
        reject(error instanceof PhonebenchError ? error : zipError(error, where));
      };
      zip.on('error', fail);
      zip.on('end', () => {
        if (!failed) resolve();
      });
      zip.on('entry', (raw: yauzl.Entry) => {
        const entry = toEntry(zip, raw, where);
        visit(entry).then(() => {
          if (!failed) zip.readEntry();
        }, fail);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

async function openZip(file: string, where: string): Promise<yauzl.ZipFile> {
  // Opened without blocking and checked on the descriptor; yauzl closes it with the zip (zip.close()).
  const { fd } = await openRegularFd(file);
  return new Promise((resolve, reject) => {
    yauzl.fromFd(fd, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, zip) => {
      if (error || !zip) {
        close(fd, () => undefined);
        reject(zipError(error, where));
      } else {
        resolve(zip);
      }
    });
  });
}

function toEntry(zip: yauzl.ZipFile, raw: yauzl.Entry, where: string): ArchiveEntry {
  return {
    name: raw.fileName,
    type: entryType(raw),
    encrypted: (raw.generalPurposeBitFlag & 0x1) !== 0,
    compressedSize: raw.compressedSize,
    crc32: raw.crc32,
    open: () =>
      new Promise<Readable>((resolve, reject) => {
        zip.openReadStream(raw, (error, stream) => {
          if (error || !stream) reject(zipError(error, where));
          else resolve(stream);
        });
      }),
  };
}

/** Unix mode bits live in the high half of the external attributes when the zip was made on Unix. */
function entryType(raw: yauzl.Entry): EntryType {
  if (raw.fileName.endsWith('/')) return 'directory';
  const madeOnUnix = raw.versionMadeBy >> 8 === 3;
  const mode = (raw.externalFileAttributes >>> 16) & 0o170000;
  if (madeOnUnix && mode !== 0) {
    switch (mode) {
      case 0o100000:
        return 'file';
      case 0o040000:
        return 'directory';
      case 0o120000:
        return 'symlink';
      case 0o020000:
      case 0o060000:
      case 0o010000:
      case 0o140000:
        return 'device';
      default:
        return 'other';
    }
  }
  return 'file';
}

/** yauzl reports unsafe names and encryption as errors; they are refusals, everything else is corruption. */
export function zipError(error: unknown, where: string): PhonebenchError {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('invalid characters in fileName')) {
    return new PhonebenchError('archive-refused', msg('firmware.zipBackslash', { where, detail: message }), msg('firmware.zipBackslash.fix'));
  }
  if (/^(absolute path|invalid relative path)/.test(message)) {
    return new PhonebenchError('archive-refused', msg('firmware.zipUnsafeName', { where, detail: message }), msg('firmware.fix.refused'));
  }
  if (message.startsWith('too many bytes in the stream')) {
    return new PhonebenchError('archive-refused', msg('firmware.zipOverrun', { where, detail: message }), msg('firmware.fix.refused'));
  }
  if (/encrypt/i.test(message)) {
    return new PhonebenchError('archive-refused', msg('firmware.zipEncrypted', { where, detail: message }), msg('firmware.zipEncrypted.fix'));
  }
  return new PhonebenchError('archive-corrupt', msg('firmware.notZip', { where, detail: message }), msg('firmware.fix.corrupt'));
}
