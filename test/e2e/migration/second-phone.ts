import dgram from 'node:dgram';
import { decodePacket, encodePacket } from '../../../electron/engine/tftp/codec';

/** Loopback address the second phone speaks from; Linux answers on all of 127/8. */
export const SECOND_PHONE_ADDRESS = '127.0.0.2';

/**
 * A second phone on the bench asking the migration's TFTP server for one file, from 127.0.0.2 (loopback only).
 * Returns what came back: "error <code>: <text>", the opcode of any other answer, or "silence" after 3 s.
 */
export async function secondPhoneAsks(port: number, file: string): Promise<string> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, SECOND_PHONE_ADDRESS, () => resolve());
  });
  try {
    return await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('silence'), 3000);
      socket.once('message', (m) => {
        clearTimeout(timer);
        const p = decodePacket(m);
        resolve(p.op === 'ERROR' ? `error ${p.code}: ${p.message}` : p.op);
      });
      socket.send(encodePacket({ op: 'RRQ', filename: file, mode: 'octet', options: {} }), port, '127.0.0.1');
    });
  } finally {
    socket.close();
  }
}
