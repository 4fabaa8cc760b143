import type { Socket } from 'node:dgram';
import { logSwallowed } from './engine-log';

/** Where a datagram goes; absent for a connected socket. */
export interface UdpTarget {
  port: number;
  address: string;
}

/** A port a datagram can be sent to; a datagram from port 0 (or a forged header) has no such reply address. */
export function isSendablePort(port: number): boolean {
  return Number.isInteger(port) && port > 0 && port < 65536;
}

/**
 * The one way the engine sends a datagram: it never throws out of the caller (a socket handler), whatever the
 * peer's address, port or the socket's state. Node's `send` throws at once for port 0 (ERR_SOCKET_BAD_PORT) or a
 * closed socket; here that is logged and `done` gets the error instead. `done` is called exactly once.
 */
export function sendDatagram(
  socket: Socket,
  data: Uint8Array | readonly Uint8Array[],
  to: UdpTarget | undefined,
  area: string,
  done?: (error: Error | null) => void,
): boolean {
  const callback = (error: Error | null): void => {
    if (error) logSwallowed(area, 'send datagram', error, to ? { port: to.port } : undefined);
    done?.(error);
  };
  try {
    if (to === undefined) socket.send(data, callback);
    else if (!isSendablePort(to.port)) throw new RangeError(`no reply to port ${to.port}`);
    else socket.send(data, to.port, to.address, callback);
    return true;
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    queueMicrotask(() => callback(e));
    return false;
  }
}
