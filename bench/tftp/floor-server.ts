// The Node floor: the least a Node RRQ server can do per packet (files in memory, no events, no checks beyond
// the protocol), so the bench can tell Node's own cost from Phonebench's. Not a server to use: no path guard,
// no limits, no netascii, no logging. Usage: node bench/tftp/floor-server.ts ROOT PORT  (via tsx)
import { createSocket, type RemoteInfo } from 'node:dgram';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const [root, portArg] = process.argv.slice(2);
if (!root || !portArg) {
  console.error('usage: floor-server.ts ROOT PORT');
  process.exit(2);
}
const files = new Map<string, Buffer>();
for (const name of readdirSync(root)) {
  const full = path.join(root, name);
  if (statSync(full).isFile()) files.set(name, readFileSync(full));
}

const TIMEOUT_MS = 1000;
/** FLOOR_ADDRESSED=1: send to an address each time instead of connecting the transfer socket (to measure connect's effect). */
const addressed = process.env['FLOOR_ADDRESSED'] === '1';
const RETRIES = 6;

function errorPacket(code: number, text: string): Buffer {
  const b = Buffer.alloc(5 + text.length);
  b.writeUInt16BE(5, 0);
  b.writeUInt16BE(code, 2);
  b.write(text, 4, 'latin1');
  return b;
}

function serve(data: Buffer, peer: RemoteInfo, options: Map<string, string>): void {
  const blksize = Math.min(65464, Math.max(8, Number(options.get('blksize') ?? 512) || 512));
  const window = Math.min(64, Math.max(1, Number(options.get('windowsize') ?? 1) || 1));
  const oack: string[] = [];
  if (options.has('blksize')) oack.push('blksize', String(blksize));
  if (options.has('windowsize')) oack.push('windowsize', String(window));
  if (options.has('tsize')) oack.push('tsize', String(data.length));
  if (options.has('timeout')) oack.push('timeout', options.get('timeout') as string);
  const last = Math.floor(data.length / blksize) + 1;
  const socket = createSocket('udp4');
  let acked = 0;
  let awaitingOack = oack.length > 0;
  let misses = 0;
  let timer: NodeJS.Timeout | undefined;

  const sendWindow = (): void => {
    const to = Math.min(acked + window, last);
    for (let block = acked + 1; block <= to; block++) {
      const header = Buffer.allocUnsafe(4);
      header.writeUInt16BE(3, 0);
      header.writeUInt16BE(block & 0xffff, 2);
      const start = (block - 1) * blksize;
      const packet = [header, data.subarray(start, Math.min(start + blksize, data.length))];
      if (addressed) socket.send(packet, peer.port, peer.address);
      else socket.send(packet);
    }
  };
  const sendOack = (): void => {
    const packet = Buffer.concat([Buffer.from([0, 6]), ...oack.map((s) => Buffer.from(`${s}\0`, 'latin1'))]);
    if (addressed) socket.send(packet, peer.port, peer.address);
    else socket.send(packet);
  };
  const end = (): void => {
    if (timer) clearTimeout(timer);
    socket.close();
  };
  const onTimeout = (): void => {
    if (++misses > RETRIES) return end();
    if (awaitingOack) sendOack();
    else sendWindow();
    timer?.refresh();
  };

  socket.on('message', (msg) => {
    if (msg.length < 4 || msg[1] !== 4) {
      if (msg[1] === 5) end();
      return;
    }
    const wire = msg.readUInt16BE(2);
    if (awaitingOack) {
      if (wire !== 0) return;
      awaitingOack = false;
    } else {
      // The ACKed block nearest above what was acked, in 16-bit arithmetic (rollover to 0).
      const ahead = (wire - (acked & 0xffff) + 0x10000) & 0xffff;
      if (ahead === 0 || ahead > window) return;
      acked += ahead;
      if (acked >= last) return end();
    }
    misses = 0;
    timer?.refresh();
    sendWindow();
  });
  const begin = (): void => {
    timer = setTimeout(onTimeout, TIMEOUT_MS);
    if (awaitingOack) sendOack();
    else sendWindow();
  };
  socket.bind({ address: '127.0.0.1', port: 0 }, () => (addressed ? begin() : socket.connect(peer.port, peer.address, begin)));
}

const listener = createSocket('udp4');
listener.on('message', (msg, peer) => {
  if (msg.length < 4 || msg[0] !== 0 || msg[1] !== 1) return;
  const fields = msg.toString('latin1', 2).split('\0');
  const [filename = '', , ...rest] = fields;
  const options = new Map<string, string>();
  for (let i = 0; i + 1 < rest.length; i += 2) if (rest[i]) options.set((rest[i] as string).toLowerCase(), rest[i + 1] as string);
  const data = files.get(filename);
  if (!data) listener.send(errorPacket(1, 'File not found'), peer.port, peer.address);
  else serve(data, peer, options);
});
listener.bind({ address: '127.0.0.1', port: Number(portArg) }, () => console.log(`ready ${listener.address().port}`));
const stop = (): void => void listener.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
