import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HINTS, HINT_MAX_MATCH, hintById, matchHints, StreamingHintMatcher } from '../../../../shared/cisco/hints';
import { formatMessage, hasMessageKey } from '../../../../shared/i18n/format';

const matchable = HINTS.filter((hint) => hint.pattern !== null);

function streamIds(chunks: string[]): string[] {
  const matcher = new StreamingHintMatcher();
  return chunks.flatMap((chunk) => matcher.push(chunk).map((m) => m.hint.id));
}

describe('hint catalogue', () => {
  it('has unique ids, both languages, and a sample within the matcher window', () => {
    const ids = HINTS.map((hint) => hint.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const hint of HINTS) {
      for (const text of [hint.title, hint.cause, hint.fix]) {
        expect(hasMessageKey(text.key), hint.id).toBe(true);
        expect(formatMessage('en', text).length, hint.id).toBeGreaterThan(0);
        expect(formatMessage('ja', text).length, hint.id).toBeGreaterThan(0);
      }
      expect(hint.sources.length, hint.id).toBeGreaterThan(0);
      expect(hintById(hint.id)).toBe(hint);
    }
  });

  it.each(matchable.map((hint) => [hint.id, hint] as const))('%s matches its own message', (id, hint) => {
    expect(matchHints(hint.sample).map((h) => h.id)).toContain(id);
    expect(matchHints(`\r\n12:00:01 ${hint.sample.toUpperCase()}\r\n`).map((h) => h.id)).toContain(id);
  });

  it.each(matchable.map((hint) => [hint.id, hint] as const))('%s is found however its message is split', (id, hint) => {
    const text = `boot...\r\n${hint.sample}\r\n`;
    for (let cut = 1; cut < text.length; cut++) {
      const ids = streamIds([text.slice(0, cut), text.slice(cut)]);
      expect(ids.filter((x) => x === id), `cut at ${cut}`).toHaveLength(1);
    }
    // One byte per chunk, the worst case.
    expect(streamIds([...text]).filter((x) => x === id)).toHaveLength(1);
  });

  it('never calls a split "buffer full" a generic TFTP error', () => {
    const text = 'W210 TFTP Error : buffer full\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      expect(streamIds([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(['sip2-buffer-full']);
    }
    expect(streamIds(['TFTP Error', '\r\n'])).toEqual(['tftp-error']);
  });

  it('names the specific TFTP error, not the generic one, for buffer full', () => {
    expect(matchHints('W210 TFTP Error : buffer full').map((h) => h.id)).toEqual(['sip2-buffer-full']);
    expect(matchHints('TFTP Error : file not found').map((h) => h.id)).toEqual(['tftp-error', 'file-not-found']);
  });

  it('matches a TFTP log line of the familiar form', () => {
    const line = "Nov 28 10:01:02: Sending 'P0S30400.bin' file to 10.1.1.1 in binary mode Failed ( State Error ).";
    expect(matchHints(line).map((h) => h.id)).toEqual(['tftp-state-error']);
  });

  it('finds nothing in ordinary boot text', () => {
    expect(matchHints('Configuring VLAN\r\nConfiguring IP\r\nRequesting Configuration\r\nSIP Phone> ')).toEqual([]);
  });

  it('reports a repeated message each time it appears', () => {
    const matcher = new StreamingHintMatcher();
    const first = matcher.push('TFTP Timeout\r\n');
    const second = matcher.push('TFTP Timeout\r\n');
    expect(first.map((m) => m.hint.id)).toEqual(['tftp-timeout']);
    expect(second.map((m) => m.hint.id)).toEqual(['tftp-timeout']);
  });

  it('survives every byte value, and still finds a message after noise', () => {
    const noise = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i));
    const matcher = new StreamingHintMatcher();
    for (let i = 0; i < 50; i++) expect(matcher.push(noise)).toEqual([]);
    expect(matcher.push('No Load Spec').length).toBe(0);
    expect(matcher.push('ified\r\n').map((m) => m.hint.id)).toEqual(['no-load-specified']);
  });

  it('finds an embedded message under random chunking and random surrounding noise (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...matchable),
        fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
        (hint, noise, sizes) => {
          const text = `${noise}\r\n${hint.sample}\r\n${noise}`;
          const chunks: string[] = [];
          let at = 0;
          for (let i = 0; at < text.length && i < 10_000; i++) {
            const size = sizes[i % sizes.length] ?? 1;
            chunks.push(text.slice(at, at + size));
            at += size;
          }
          expect(streamIds(chunks)).toContain(hint.id);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps samples shorter than the window it carries', () => {
    for (const hint of matchable) {
      const m = hint.pattern?.exec(hint.sample);
      expect(m?.[0].length ?? 0).toBeLessThanOrEqual(HINT_MAX_MATCH);
    }
  });
});
