import { describe, expect, it } from 'vitest';
import { escapeTerminalOutput, escapeTerminalText, isTerminalSafe } from '../../../../shared/text/terminal-text';

describe('escapeTerminalText', () => {
  it('writes C0, DEL, C1, line separators and bidi controls out visibly', () => {
    expect(escapeTerminalText('a\nb\rc\td\u0000e\u001b[2J\u007f')).toBe('a\\nb\\rc\\td\\x00e\\x1b[2J\\x7f');
    expect(escapeTerminalText('\u0085\u009b31m\u2028\u2029')).toBe('\\u0085\\u009b31m\\u2028\\u2029');
    expect(escapeTerminalText('\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe(
      '\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069',
    );
  });

  it('leaves ordinary text, Japanese and paths alone, and escaping twice changes nothing more', () => {
    const plain = 'SIP 8.12 のファームウェア C:\\tftp\\P0S3-08-12-00.sb2 ✓';
    expect(escapeTerminalText(plain)).toBe(plain);
    const once = escapeTerminalText('x\u001b]52;c;AA\u0007\u202e');
    expect(escapeTerminalText(once)).toBe(once);
    expect(isTerminalSafe(once)).toBe(true);
    expect(isTerminalSafe('x\u009b')).toBe(false);
  });

  it('escapeTerminalOutput keeps the program’s own LF and TAB only', () => {
    expect(escapeTerminalOutput('one\ttwo\nthree\r\u001b[K\u202e\n')).toBe('one\ttwo\nthree\\r\\x1b[K\\u202e\n');
  });
});
