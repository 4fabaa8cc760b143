import { msg, type Message } from '../../i18n/message';
/** RINGLIST.DAT: one ring per line, the display name then the file name, separated by whitespace. */

export interface Ring {
  displayName: string;
  fileName: string;
}

export function writeRinglistDat(rings: readonly Ring[]): string {
  return rings
    .map((r) => {
      if (!/^\S+$/.test(r.fileName)) throw new Error(`a ring file name cannot hold spaces: ${JSON.stringify(r.fileName)}`);
      if (/[\t\r\n]/.test(r.displayName) || r.displayName.trim() === '') {
        throw new Error(`ring display name must be one line of text: ${JSON.stringify(r.displayName)}`);
      }
      return `${r.displayName.trim()}\t${r.fileName}\n`;
    })
    .join('');
}

export function parseRinglistDat(text: string): { rings: Ring[]; problems: { line: number; message: Message }[] } {
  const rings: Ring[] = [];
  const problems: { line: number; message: Message }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const t = raw.trim();
    if (t === '') return;
    const m = /^(.*\S)\s+(\S+)$/.exec(t);
    if (m === null) {
      problems.push({ line: index + 1, message: msg('config.ringlist.badLine') });
      return;
    }
    rings.push({ displayName: m[1] ?? '', fileName: m[2] ?? '' });
  });
  return { rings, problems };
}
