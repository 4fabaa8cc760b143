/**
 * TFTP packet codec (RFC 1350, options per RFC 2347). Pure: bytes in, values out, no sockets.
 * Everything arriving from the network goes through decodePacket, which accepts any Buffer and either
 * returns a well-formed packet or throws TftpDecodeError.
 */

export const OPCODES = { RRQ: 1, WRQ: 2, DATA: 3, ACK: 4, ERROR: 5, OACK: 6 } as const;

/** TFTP error codes (RFC 1350 + RFC 2347 code 8). */
export const TFTP_ERROR = {
  notDefined: 0,
  fileNotFound: 1,
  accessViolation: 2,
  diskFull: 3,
  illegalOperation: 4,
  unknownTid: 5,
  fileExists: 6,
  noSuchUser: 7,
  optionRefused: 8,
} as const;

export type TftpPacket =
  | { op: 'RRQ' | 'WRQ'; filename: string; mode: string; options: Record<string, string> }
  | { op: 'DATA'; block: number; data: Buffer }
  | { op: 'ACK'; block: number }
  | { op: 'ERROR'; code: number; message: string }
  | { op: 'OACK'; options: Record<string, string> };

export class TftpDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TftpDecodeError';
  }
}

/** Largest UDP payload; nothing longer can arrive in one datagram. */
const MAX_DATAGRAM = 65507;

function assertBlock(block: number): void {
  if (!Number.isInteger(block) || block < 0 || block > 0xffff) throw new RangeError(`block number out of range: ${block}`);
}

function cstring(s: string, what: string): Buffer {
  if (s.includes('\0')) throw new RangeError(`${what} contains NUL`);
  return Buffer.from(`${s}\0`, 'utf8');
}

function encodeOptions(options: Record<string, string>): Buffer[] {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(options)) parts.push(cstring(name, 'option name'), cstring(value, 'option value'));
  return parts;
}

function header(opcode: number, word?: number): Buffer {
  const b = Buffer.alloc(word === undefined ? 2 : 4);
  b.writeUInt16BE(opcode, 0);
  if (word !== undefined) b.writeUInt16BE(word, 2);
  return b;
}

export function encodePacket(p: TftpPacket): Buffer {
  switch (p.op) {
    case 'RRQ':
    case 'WRQ':
      return Buffer.concat([
        header(OPCODES[p.op]),
        cstring(p.filename, 'filename'),
        cstring(p.mode, 'mode'),
        ...encodeOptions(p.options),
      ]);
    case 'DATA':
      assertBlock(p.block);
      return Buffer.concat([header(OPCODES.DATA, p.block), p.data]);
    case 'ACK':
      assertBlock(p.block);
      return header(OPCODES.ACK, p.block);
    case 'ERROR':
      assertBlock(p.code);
      return Buffer.concat([header(OPCODES.ERROR, p.code), cstring(p.message, 'error message')]);
    case 'OACK':
      return Buffer.concat([header(OPCODES.OACK), ...encodeOptions(p.options)]);
    default:
      return assertNeverPacket(p);
  }
}

function assertNeverPacket(p: never): never {
  throw new RangeError(`unknown packet: ${JSON.stringify(p)}`);
}

/** Splits NUL-terminated strings from `start`; the last one must be terminated. */
function splitStrings(buf: Buffer, start: number): string[] {
  const out: string[] = [];
  let at = start;
  while (at < buf.length) {
    const end = buf.indexOf(0, at);
    if (end < 0) throw new TftpDecodeError('string not terminated by NUL');
    out.push(buf.toString('utf8', at, end));
    at = end + 1;
  }
  return out;
}

/** Option names are case-insensitive (RFC 2347): keys come out lower-case; the first of duplicates wins. */
function decodeOptions(strings: string[]): Record<string, string> {
  // Some clients pad with one stray NUL: an unpaired empty trailing string is tolerated.
  const usable = strings.length % 2 === 1 && strings[strings.length - 1] === '' ? strings.slice(0, -1) : strings;
  if (usable.length % 2 !== 0) throw new TftpDecodeError('option without a value');
  const options: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let i = 0; i < usable.length; i += 2) {
    const name = (usable[i] ?? '').toLowerCase();
    if (name === '') throw new TftpDecodeError('empty option name');
    if (!(name in options)) options[name] = usable[i + 1] ?? '';
  }
  return { ...options };
}

export function decodePacket(buf: Buffer): TftpPacket {
  if (!Buffer.isBuffer(buf)) throw new TftpDecodeError('not a buffer');
  if (buf.length < 2) throw new TftpDecodeError(`packet too short (${buf.length} bytes)`);
  if (buf.length > MAX_DATAGRAM) throw new TftpDecodeError(`packet too long (${buf.length} bytes)`);
  const opcode = buf.readUInt16BE(0);
  switch (opcode) {
    case OPCODES.RRQ:
    case OPCODES.WRQ: {
      const strings = splitStrings(buf, 2);
      if (strings.length < 2) throw new TftpDecodeError('request without filename and mode');
      const [filename = '', mode = ''] = strings;
      if (filename === '') throw new TftpDecodeError('empty filename');
      return {
        op: opcode === OPCODES.RRQ ? 'RRQ' : 'WRQ',
        filename,
        mode: mode.toLowerCase(),
        options: decodeOptions(strings.slice(2)),
      };
    }
    case OPCODES.DATA:
      if (buf.length < 4) throw new TftpDecodeError('DATA shorter than its header');
      return { op: 'DATA', block: buf.readUInt16BE(2), data: buf.subarray(4) };
    case OPCODES.ACK:
      // Trailing bytes after the block number are ignored: some clients pad ACKs.
      if (buf.length < 4) throw new TftpDecodeError('ACK shorter than 4 bytes');
      return { op: 'ACK', block: buf.readUInt16BE(2) };
    case OPCODES.ERROR: {
      if (buf.length < 4) throw new TftpDecodeError('ERROR shorter than 4 bytes');
      const end = buf.indexOf(0, 4);
      // A missing terminator is tolerated: the message is informational only.
      const message = buf.toString('utf8', 4, end < 0 ? buf.length : end);
      return { op: 'ERROR', code: buf.readUInt16BE(2), message };
    }
    case OPCODES.OACK:
      return { op: 'OACK', options: decodeOptions(splitStrings(buf, 2)) };
    default:
      throw new TftpDecodeError(`unknown opcode ${opcode}`);
  }
}
