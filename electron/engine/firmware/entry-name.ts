import { PhonebenchError } from '../../../shared/api/result';

const REFUSE_FIX = 'Download the firmware again from Cisco; this archive is not safe to unpack.';

/**
 * Checks one name from an archive or folder and returns its path parts. Refuses anything that could land
 * outside the bundle: absolute paths, drive letters, `..`, backslashes, control characters.
 */
export function checkEntryName(raw: string, where: string, isDirectory = false): string[] {
  const shown = JSON.stringify(raw.slice(0, 200));
  const refuse = (why: string): never => {
    throw new PhonebenchError('archive-refused', `${where}: entry ${shown} ${why}.`, REFUSE_FIX);
  };
  if (raw.length === 0) refuse('has an empty name');
  if (raw.length > 1024) refuse('has a name longer than 1024 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) refuse('has control characters in its name');
  if (raw.includes('\\')) refuse('uses a backslash in its name');
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) refuse('has an absolute path');
  const parts = raw.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) refuse("climbs out of the archive with '..'");
  // A folder entry may be the archive's own root ("./"), a file never.
  if (parts.length === 0 && !isDirectory) refuse('has no file name');
  for (const part of parts) {
    if (part.length > 255) refuse('has a path part longer than 255 characters');
    // A TFTP root may live on Windows: names it cannot hold, or would silently change, are refused everywhere.
    if (/[<>:"|?*]/.test(part)) refuse('has a character Windows cannot store in a file name');
    if (/[. ]$/.test(part) && part !== '.') refuse('ends with a dot or a space, which Windows drops');
    if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(part)) refuse('is a name Windows reserves for devices');
  }
  return parts;
}

/** macOS and Windows leave these behind in zips; they are never firmware. */
export function isPlatformJunk(parts: string[]): boolean {
  const base = parts[parts.length - 1] ?? '';
  return parts.includes('__MACOSX') || base === '.DS_Store' || base === 'Thumbs.db' || base.startsWith('._');
}

export type NestedArchiveFormat = 'zip' | 'tar' | 'tar.gz';

/** Archives inside an archive are recognised by name; the reader then checks the bytes. */
export function nestedArchiveFormat(name: string): NestedArchiveFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.zip')) return 'zip';
  if (lower.endsWith('.tar')) return 'tar';
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) return 'tar.gz';
  return null;
}
