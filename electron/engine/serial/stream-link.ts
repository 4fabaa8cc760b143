import { EventEmitter } from 'node:events';
import { Duplex } from 'node:stream';
import type { SerialLink } from './serial-link';

/**
 * Two in-process ends of a virtual null-modem cable: what one end writes, the other reads. Destroying either
 * end ends both, as pulling a cable would. Used where no PTY can be made (no socat, Windows).
 */
export function linkedStreamPair(): [Duplex, Duplex] {
  const ends: { a?: Duplex; b?: Duplex } = {};
  const end = (self: 'a' | 'b', other: 'a' | 'b'): Duplex =>
    new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        const peer = ends[other];
        if (peer && !peer.destroyed) peer.push(chunk);
        callback();
      },
      final(callback) {
        ends[other]?.push(null);
        callback();
      },
      destroy(error, callback) {
        const peer = ends[other];
        if (peer && !peer.destroyed) peer.destroy();
        ends[self]?.push(null);
        callback(error);
      },
    });
  const a = end('a', 'b');
  const b = end('b', 'a');
  ends.a = a;
  ends.b = b;
  return [a, b];
}

/**
 * A serial session's view of a Duplex stream (an in-process virtual port): data in, bytes out, close. It has
 * no control lines, so BREAK and DTR/RTS fail with "not supported", as they do on a PTY.
 */
export class StreamLink extends EventEmitter implements SerialLink {
  private open = true;

  constructor(private readonly stream: Duplex) {
    super();
    stream.on('data', (bytes: Buffer | string) => this.emit('data', typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes));
    stream.on('error', (error: Error) => this.emit('error', error));
    stream.on('close', () => {
      if (!this.open) return;
      this.open = false;
      this.emit('close', new Error('the other end of the virtual port closed'));
    });
  }

  get isOpen(): boolean {
    return this.open && !this.stream.destroyed;
  }

  write(bytes: Buffer, callback: (error?: Error | null) => void): void {
    if (!this.isOpen) return callback(new Error('the virtual port is closed'));
    this.stream.write(bytes, (error) => callback(error ?? null));
  }

  drain(callback: (error?: Error | null) => void): void {
    callback(null);
  }

  set(_flags: { brk?: boolean; dtr?: boolean; rts?: boolean }, callback: (error?: Error | null) => void): void {
    callback(new Error('control lines not supported on a virtual port'));
  }

  close(callback: (error?: Error | null) => void): void {
    if (this.open) {
      this.open = false;
      this.stream.destroy();
    }
    callback(null);
  }
}
