import type { FileContent } from './file-source';
/** RFC 764 netascii as TFTP uses it: line ends travel as CR LF, a bare CR as CR NUL. */

export function toNetascii(data: Buffer): Buffer {
  let extra = 0;
  for (const byte of data) if (byte === 0x0a || byte === 0x0d) extra++;
  if (extra === 0) return data;
  const out = Buffer.allocUnsafe(data.length + extra);
  let at = 0;
  for (const byte of data) {
    if (byte === 0x0a) {
      out[at++] = 0x0d;
      out[at++] = 0x0a;
    } else if (byte === 0x0d) {
      out[at++] = 0x0d;
      out[at++] = 0x00;
    } else out[at++] = byte;
  }
  return out;
}

export function fromNetascii(data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(data.length);
  let at = 0;
  for (let i = 0; i < data.length; i++) {
    const byte = data[i] as number;
    if (byte === 0x0d && i + 1 < data.length) {
      const next = data[i + 1];
      if (next === 0x0a) {
        out[at++] = 0x0a;
        i++;
        continue;
      }
      if (next === 0x00) {
        out[at++] = 0x0d;
        i++;
        continue;
      }
    }
    out[at++] = byte;
  }
  return out.subarray(0, at);
}

/** Raw bytes converted per step; a netascii transfer holds a few of these, never the whole file. */
const STEP = 64 * 1024;

function lineEnds(data: Buffer): number {
  let n = 0;
  for (const byte of data) if (byte === 0x0a || byte === 0x0d) n++;
  return n;
}

/**
 * Serves `raw` as netascii without holding it: one pass at open counts the converted size (which tsize and the last
 * block need) and marks where every 64 KiB of raw bytes starts in the output; a read converts from the nearest mark.
 */
export async function netasciiContent(raw: FileContent): Promise<FileContent> {
  /** marks[i]: offset in the output of raw byte i * STEP. */
  const marks: number[] = [];
  let size = 0;
  for (let at = 0; at < raw.size; at += STEP) {
    marks.push(size);
    const piece = await raw.read(at, STEP);
    size += piece.length + lineEnds(piece);
    if (piece.length < STEP) break;
  }
  return {
    size,
    async read(position, length) {
      const want = Math.max(0, Math.min(length, size - position));
      const out = Buffer.allocUnsafe(want);
      let filled = 0;
      let mark = 0;
      while (mark + 1 < marks.length && (marks[mark + 1] as number) <= position) mark++;
      let rawAt = mark * STEP;
      let outAt = marks[mark] ?? 0;
      while (filled < want && rawAt < raw.size) {
        const piece = toNetascii(await raw.read(rawAt, STEP));
        if (piece.length === 0) break;
        const from = position + filled - outAt;
        if (from < piece.length) filled += piece.copy(out, filled, from, from + Math.min(piece.length - from, want - filled));
        outAt += piece.length;
        rawAt += STEP;
      }
      return filled === want ? out : out.subarray(0, filled);
    },
    close: () => raw.close(),
  };
}

/** Netascii decoding across blocks: a CR ending one block is settled by the next block's first byte. */
export class NetasciiDecoder {
  private pendingCr = false;

  push(data: Buffer): Buffer {
    const input = this.pendingCr ? Buffer.concat([Buffer.from([0x0d]), data]) : data;
    this.pendingCr = input.length > 0 && input[input.length - 1] === 0x0d;
    return fromNetascii(this.pendingCr ? input.subarray(0, input.length - 1) : input);
  }

  /** The end of the upload: a last lone CR stays a CR. */
  end(): Buffer {
    const rest = this.pendingCr ? Buffer.from([0x0d]) : Buffer.alloc(0);
    this.pendingCr = false;
    return rest;
  }
}
