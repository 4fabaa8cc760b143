import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { isSendablePort, sendDatagram } from '../../../../electron/engine/udp-send';

describe('sendDatagram', () => {
  it('never throws: port 0, a port past 65535 and a closed socket end in `done` with an error', async () => {
    const socket = createSocket('udp4');
    await new Promise<void>((r) => socket.bind({ address: '127.0.0.1', port: 0 }, r));
    const errors: (Error | null)[] = [];
    const done = (e: Error | null) => errors.push(e);
    expect(sendDatagram(socket, Buffer.from('x'), { address: '127.0.0.1', port: 0 }, 'test', done)).toBe(false);
    expect(sendDatagram(socket, Buffer.from('x'), { address: '127.0.0.1', port: 70000 }, 'test', done)).toBe(false);
    await new Promise<void>((r) => socket.close(() => r()));
    expect(sendDatagram(socket, Buffer.from('x'), { address: '127.0.0.1', port: 9 }, 'test', done)).toBe(false);
    expect(sendDatagram(socket, Buffer.from('x'), undefined, 'test', done)).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(errors.map((e) => e instanceof Error)).toEqual([true, true, true, true]);
  });

  it('knows which ports can be answered', () => {
    expect([0, 1, 65535, 65536, -1, 1.5].map(isSendablePort)).toEqual([false, true, true, false, false, false]);
  });
});
