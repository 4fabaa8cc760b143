import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  echoText,
  formatBytes,
  TerminalFormatter,
  Transcript,
  translateEnter,
  ConsoleLogRecorder,
  osErrorKey,
} from '../../../../../renderer/src/components/console/console-format';

const at = new Date(2026, 10, 28, 10, 1, 2, 3);
const bytes = (text: string) => new TextEncoder().encode(text);

describe('console formatting', () => {
  it('translates Enter to the chosen line ending, and echoes with CR LF', () => {
    expect(translateEnter('show\r', 'cr')).toBe('show\r');
    expect(translateEnter('show\r', 'lf')).toBe('show\n');
    expect(translateEnter('a\rb\r\nc\n', 'crlf')).toBe('a\r\nb\r\nc\r\n');
    expect(echoText('a\rb')).toBe('a\r\nb');
  });

  it('stamps the start of every line, also across chunks', () => {
    const f = new TerminalFormatter({ hex: false, timestamps: 'local' });
    const stamp = '\x1b[2m[10:01:02.003]\x1b[22m ';
    expect(f.format(bytes('one\r\ntw'), at)).toBe(`${stamp}one\r\n${stamp}tw`);
    expect(f.format(bytes('o\r\n'), at)).toBe('o\r\n');
    expect(f.format(bytes('three'), at)).toBe(`${stamp}three`);
  });

  it('stamps UTC or the time since the first line', () => {
    const utc = new TerminalFormatter({ hex: false, timestamps: 'utc' });
    expect(utc.format(bytes('x\n'), new Date(Date.UTC(2026, 10, 28, 1, 2, 3, 4)))).toBe('\x1b[2m[01:02:03.004Z]\x1b[22m x\n');
    const since = new TerminalFormatter({ hex: false, timestamps: 'elapsed' });
    since.format(bytes('a\n'), new Date(1_000));
    expect(since.format(bytes('b\n'), new Date(1_000 + 3_723_045))).toBe('\x1b[2m[+01:02:03.045]\x1b[22m b\n');
  });

  it('decodes UTF-8 split between batches', () => {
    const f = new TerminalFormatter({ hex: false, timestamps: 'off' });
    const all = bytes('電話');
    expect(f.format(all.subarray(0, 2), at) + f.format(all.subarray(2), at)).toBe('電話');
  });

  it('shows hex rows with a running offset and an ASCII column', () => {
    const f = new TerminalFormatter({ hex: true, timestamps: 'off' });
    const out = f.format(new Uint8Array([...bytes('SIP Phone> '), 0, 0xff, 0x0d, 0x0a, 0x41, 0x42]), at);
    expect(out).toBe(
      '00000000  53 49 50 20 50 68 6f 6e 65 3e 20 00 ff 0d 0a 41  |SIP Phone> ....A|\r\n' +
        `00000010  42${' '.repeat(45)}  |B|\r\n`,
    );
    expect(f.format(bytes('C'), at).startsWith('00000011  43')).toBe(true);
  });

  it('keeps a bounded transcript of the newest bytes', () => {
    const t = new Transcript(10);
    t.push(bytes('12345'));
    t.push(bytes('67890'));
    t.push(bytes('abc'));
    expect(new TextDecoder().decode(t.bytes())).toBe('67890abc');
    t.clear();
    expect(t.length).toBe(0);
  });

  it('decodes base64 batches and formats sizes', () => {
    expect(Array.from(base64ToBytes(Buffer.from([0, 1, 255]).toString('base64')))).toEqual([0, 1, 255]);
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
  });
});

describe('error lines and the saved log', () => {
  const RED = '\x1b[1;31m';
  const PLAIN = '\x1b[22;39m';

  it('shows a finished error line red, whole, and leaves other lines alone', () => {
    const f = new TerminalFormatter({ hex: false, timestamps: 'off' });
    expect(f.format(bytes('Requesting Configuration\r\nW210 TFTP Error : buffer full\r\n'), at)).toBe(
      `Requesting Configuration\r\n${RED}W210 TFTP Error : buffer full${PLAIN}\r\n`,
    );
  });

  it('rewrites in place an error line that was already partly shown, keeping its stamp', () => {
    const f = new TerminalFormatter({ hex: false, timestamps: 'local' });
    const stamp = '\x1b[2m[10:01:02.003]\x1b[22m ';
    expect(f.format(bytes('File not'), at)).toBe(`${stamp}File not`);
    expect(f.format(bytes(' found\r\n'), at, 80)).toBe(` found\r${stamp}${RED}File not found${PLAIN}\r\n`);
    // Too long to rewrite in this width: left as it was.
    expect(f.format(bytes('TFTP Timeout'), at)).toBe(`${stamp}TFTP Timeout`);
    expect(f.format(bytes(' waiting\r\n'), at, 10)).toBe(' waiting\r\n');
  });

  it('saves timestamps and both directions, keys gathered until Enter, hidden input only counted', () => {
    const log = new ConsoleLogRecorder();
    const t0 = new Date(2026, 11, 2, 15, 30, 1, 5);
    const t1 = new Date(2026, 11, 2, 15, 30, 2, 0);
    log.received(bytes('Requesting Configuration\r\nSIP Phone> '), t0);
    for (const key of ['s', 'h', 'o', 'w']) log.sent(key, t1);
    log.received(bytes('show'), t1);
    log.sent('\r', t1);
    log.received(bytes('\r\nW210 TFTP Error\r\n'), t1);
    log.note('6 bytes typed at a password prompt (not logged)', t1);
    expect(log.text()).toBe(
      [
        '2026-12-02 15:30:01.005 <  Requesting Configuration',
        '2026-12-02 15:30:01.005 <  SIP Phone> show',
        '2026-12-02 15:30:02.000 >  show<CR>',
        '2026-12-02 15:30:02.000 <  W210 TFTP Error',
        '2026-12-02 15:30:02.000 -- 6 bytes typed at a password prompt (not logged)',
        '',
      ].join('\n'),
    );
  });

  it('explains the OS errors a technician meets, in words', () => {
    expect(osErrorKey('spawn udevadm ENOENT')).toBe('console.os.udevadm');
    expect(osErrorKey('Error: EBADF: bad file descriptor, read')).toBe('console.os.ebadf');
    expect(osErrorKey('Error: Permission denied, cannot open /dev/ttyUSB0')).toBe('console.os.eacces');
    expect(osErrorKey('the port is back')).toBeUndefined();
  });
});
