/**
 * Run as its own process (tsx) by memory.test.ts, so the RSS it measures is the server's alone: starts a TFTP server,
 * holds many transfers open from this side, prints {baselineMiB, peakMiB} as one JSON line.
 *   netascii: 32 RRQs in netascii mode for a 12 MiB text file, none ACKed after the first DATA.
 *   upload:   8 WRQs, each sending 40 MiB in full blocks and never the last short one.
 *   web-upload: 8 browser uploads to `phonebench serve`'s host, each sending 40 MiB and never ending its body
 *             (2 are received, 6 refused while their bodies keep coming).
 */
import { createSocket, type Socket } from 'node:dgram';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decodePacket, encodePacket } from '../../../electron/engine/tftp/codec';
import { DirectorySource } from '../../../electron/engine/tftp/file-source';
import { TftpServer } from '../../../electron/engine/tftp/server';
import { Engine } from '../../../electron/engine/engine';
import { startWebHost } from '../../../electron/web/web-host';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MiB = 2 ** 20;
const mode = process.argv[2] === 'upload' ? 'upload' : process.argv[2] === 'web-upload' ? 'web-upload' : 'netascii';

function rssMiB(): number {
  gc();
  return process.memoryUsage().rss / MiB;
}

async function socketOn(): Promise<Socket> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind({ address: '127.0.0.1', port: 0 }, r));
  return s;
}

/** 8 held uploads into the web host, each 40 MiB sent in 1 MiB writes, the body never ended. */
async function webUploads(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-web-memory-'));
  const engine = await Engine.create({ dataDir, host: 'browser' });
  const host = await startWebHost({ engine, port: 0, rendererDir: dataDir });
  const baseline = rssMiB();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / MiB)), 20);
  const chunk = Buffer.alloc(MiB, 0x42);
  const requests = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      const req = http.request({
        host: '127.0.0.1', port: host.port, method: 'POST', path: `/upload?token=${host.token}&name=u${i}.bin`,
        headers: { origin: `http://127.0.0.1:${host.port}`, 'content-type': 'application/octet-stream' },
      });
      req.on('error', () => {});
      req.on('response', (res) => res.resume());
      for (let n = 0; n < 40; n++) {
        if (req.destroyed) break;
        if (req.write(chunk)) continue;
        await new Promise<void>((resolve) => {
          const go = (): void => {
            req.off('drain', go);
            req.off('close', go);
            resolve();
          };
          req.on('drain', go);
          req.on('close', go);
        });
      }
      return req;
    }),
  );
  await new Promise((r) => setTimeout(r, 300));
  peak = Math.max(peak, process.memoryUsage().rss / MiB);
  clearInterval(sampler);
  const held = rssMiB();
  process.stdout.write(`${JSON.stringify({ baselineMiB: baseline, peakMiB: peak, heldMiB: held })}\n`);
  for (const req of requests) req.destroy();
  await host.close();
  await engine.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  if (mode === 'web-upload') return webUploads();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-tftp-memory-'));
  const root = path.join(dir, 'root');
  const uploads = path.join(dir, 'uploads');
  await fs.mkdir(root);
  await fs.mkdir(uploads);
  const line = Buffer.from('# a config line for the phone, ending like text does\n');
  await fs.writeFile(path.join(root, 'big.txt'), Buffer.concat(Array.from({ length: Math.ceil((12 * MiB) / line.length) }, () => line)));
  const server = await TftpServer.start({
    address: '127.0.0.1', port: 0, sources: [new DirectorySource(root)], uploadDir: uploads,
    maxBlksize: 65464, maxWindowsize: 16, timeoutMs: 30_000, retries: 5, rolloverTo: 0,
    maxTransfers: 64, maxTransfersPerClient: 64, unansweredLifeMs: 120_000,
  });
  const port = server.address().port;
  const baseline = rssMiB();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / MiB)), 20);
  const sockets: Socket[] = [];
  if (mode === 'netascii') {
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        const s = await socketOn();
        sockets.push(s);
        await new Promise<void>((resolve) => {
          s.once('message', () => resolve()); // The first DATA: the transfer is held from here on.
          s.send(encodePacket({ op: 'RRQ', filename: 'big.txt', mode: 'netascii', options: {} }), port, '127.0.0.1');
        });
      }),
    );
  } else {
    const block = Buffer.alloc(65464, 0x41);
    const blocks = Math.floor((40 * MiB) / block.length);
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const s = await socketOn();
        sockets.push(s);
        await new Promise<void>((resolve) => {
          s.on('message', (msg, from) => {
            const p = decodePacket(msg);
            const acked = p.op === 'OACK' ? 0 : p.op === 'ACK' ? p.block : -1;
            if (acked < 0) throw new Error(`unexpected ${p.op}`);
            if (acked >= blocks) resolve(); // Held: the last short block never comes.
            else s.send(encodePacket({ op: 'DATA', block: acked + 1, data: block }), from.port, from.address);
          });
          s.send(encodePacket({ op: 'WRQ', filename: `u${i}.bin`, mode: 'octet', options: { blksize: '65464' } }), port, '127.0.0.1');
        });
      }),
    );
  }
  await new Promise((r) => setTimeout(r, 300));
  peak = Math.max(peak, process.memoryUsage().rss / MiB);
  clearInterval(sampler);
  const held = rssMiB();
  process.stdout.write(`${JSON.stringify({ baselineMiB: baseline, peakMiB: peak, heldMiB: held })}\n`);
  for (const s of sockets) s.close();
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
