/**
 * Synthetic firmware images for tests and the demo. Real Cisco images are never shipped in this repo, so the
 * fixture generator and the virtual phone agree on this format instead: a header line naming the file the
 * image was made for, then deterministic filler. A renamed or altered image fails the virtual phone's check,
 * as a hand-copied image fails a real phone's signature check.
 */

const MAGIC = 'PBSYNTH1 ';

export type SyntheticCheck = 'ok' | 'renamed' | 'corrupt' | 'not-synthetic';

/**
 * The second line of an image of the demo library: Phonebench serves it only to the virtual phone of a demo,
 * whoever holds the file and whatever it is called (tftp/demo-guard.ts reads it).
 */
export const DEMO_IMAGE_LINE = 'PBDEMO not Cisco firmware: a Phonebench demo image, for the virtual phone only\n';

/** `size` is the total length in bytes (at least the header's length). `demo` marks an image of the demo library. */
export function makeSyntheticImage(fileName: string, size: number, seed = 1, demo = false): Uint8Array {
  const header = new TextEncoder().encode(`${MAGIC}${fileName}\n${demo ? DEMO_IMAGE_LINE : ''}`);
  const out = new Uint8Array(Math.max(size, header.length + 4));
  out.set(header, 0);
  let state = (seed ^ hash(fileName)) >>> 0 || 1;
  for (let i = header.length; i < out.length - 4; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  const sum = checksum(out.subarray(0, out.length - 4));
  new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(out.length - 4, sum);
  return out;
}

/** What a virtual phone concludes about an image it downloaded under `fileName`. */
export function checkSyntheticImage(fileName: string, bytes: Uint8Array): SyntheticCheck {
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd < 0 || headerEnd > 512) return 'not-synthetic';
  const header = new TextDecoder().decode(bytes.subarray(0, headerEnd));
  if (!header.startsWith(MAGIC)) return 'not-synthetic';
  if (bytes.length < headerEnd + 5) return 'corrupt';
  const stored = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(bytes.length - 4);
  if (stored !== checksum(bytes.subarray(0, bytes.length - 4))) return 'corrupt';
  return header.slice(MAGIC.length) === fileName ? 'ok' : 'renamed';
}

/** True when `head` (the first bytes of a file, 512 are enough) is a demo library image. */
export function isDemoImage(head: Uint8Array): boolean {
  const headerEnd = head.indexOf(0x0a);
  if (headerEnd < 0 || headerEnd > 512) return false;
  const lines = new TextDecoder('latin1').decode(head.subarray(0, Math.min(head.length, headerEnd + 1 + DEMO_IMAGE_LINE.length)));
  return lines.startsWith(MAGIC) && lines.slice(headerEnd + 1) === DEMO_IMAGE_LINE;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function checksum(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}
