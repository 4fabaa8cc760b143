import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';


type EntryProblem = 'empty' | 'long' | 'control' | 'backslash' | 'absolute' | 'climbs' | 'noName' | 'longPart' | 'windowsChar' | 'trailingDot' | 'reserved';

/**
 * Checks one name from an archive or folder and returns its path parts. Refuses anything that could land
 * outside the bundle: absolute paths, drive letters, `..`, backslashes, control characters.
 */
export function checkEntryName(raw: string, where: string, isDirectory = false): string[] {
  const shown = JSON.stringify(raw.slice(0, 200));
  const refuse = (why: EntryProblem): never => {
    throw new PhonebenchError('archive-refused', msg('firmware.entry', { where, entry: shown, problem: msg(`firmware.entry.${why}`) }), msg('firmware.fix.refused'));
  };
  if (raw.length === 0) refuse('empty');
  if (raw.length > 1024) refuse('long');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) refuse('control');
  if (raw.includes('\\')) refuse('backslash');
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) refuse('absolute');
  const parts = raw.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) refuse('climbs');
  // A folder entry may be the archive's own root ("./"), a file never.
  if (parts.length === 0 && !isDirectory) refuse('noName');
  for (const part of parts) {
    if (part.length > 255) refuse('longPart');
    // A TFTP root may live on Windows: names it cannot hold, or would silently change, are refused everywhere.
    if (/[<>:"|?*]/.test(part)) refuse('windowsChar');
    if (/[. ]$/.test(part) && part !== '.') refuse('trailingDot');
    if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(part)) refuse('reserved');
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
