import { describe, expect, it } from 'vitest';
import { bufferContent } from '../../../../../electron/engine/tftp/file-source';
import { fromNetascii, NetasciiDecoder, netasciiContent, toNetascii } from '../../../../../electron/engine/tftp/netascii';

/** Text with every line-end case, bigger than a few conversion steps (64 KiB each). */
function sample(size: number): Buffer {
  const b = Buffer.alloc(size);
  let x = 7;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    const r = x % 16;
    b[i] = r === 0 ? 0x0a : r === 1 ? 0x0d : r === 2 ? 0x00 : 0x41 + (r % 26);
  }
  return b;
}

describe('netascii without whole-file buffers', () => {
  it('serves the same bytes as converting the whole file, for reads at any position', async () => {
    const raw = sample(300 * 1024 + 17);
    const whole = toNetascii(raw);
    const content = await netasciiContent(bufferContent(raw));
    expect(content.size).toBe(whole.length);
    for (const [position, length] of [[0, 512], [65_530, 70_000], [whole.length - 100, 512], [123_457, 256 * 1024], [whole.length, 512]] as const) {
      expect(await content.read(position, length)).toEqual(whole.subarray(position, Math.min(whole.length, position + length)));
    }
    // Block by block, as a transfer reads it.
    const parts: Buffer[] = [];
    for (let at = 0; at < content.size; at += 1468) parts.push(await content.read(at, 1468));
    expect(Buffer.concat(parts)).toEqual(whole);
  });

  it('decodes an upload split anywhere (a CR ending one block, its LF or NUL opening the next)', () => {
    const text = Buffer.from('a\r\nb\r\0c\r\r\nd\re\r', 'latin1');
    const expected = fromNetascii(text);
    for (let cut = 0; cut <= text.length; cut++) {
      for (const size of [1, 2, 3, 512]) {
        const decoder = new NetasciiDecoder();
        const out: Buffer[] = [decoder.push(text.subarray(0, cut))];
        for (let at = cut; at < text.length; at += size) out.push(decoder.push(text.subarray(at, at + size)));
        out.push(decoder.end());
        expect(Buffer.concat(out).toString('latin1'), `cut ${cut} size ${size}`).toBe(expected.toString('latin1'));
      }
    }
  });
});
