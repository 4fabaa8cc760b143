/**
 * OS79XX.TXT: the one image id an OS79XX-era phone reads first. No extension, exact case, nothing after it
 * on the line (a trailing space makes the phone ask for a name that does not exist, CSCdv19260).
 */

export function writeOs79xxTxt(imageId: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(imageId)) throw new Error(`not an image id for OS79XX.TXT: ${JSON.stringify(imageId)}`);
  return `${imageId}\n`;
}

export interface Os79xxRead {
  /** The first line exactly as the phone would take it (line ending removed, nothing else). */
  id: string;
  /** Lines after the first that hold anything. */
  extraLines: number;
}

export function parseOs79xxTxt(text: string): Os79xxRead {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const id = lines[0] ?? '';
  return { id, extraLines: lines.slice(1).filter((l) => l.trim() !== '').length };
}
