import { createSocket, type Socket } from 'node:dgram';

/** A seeded PRNG, so a failing run can be replayed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Impairment {
  drop: number;
  duplicate: number;
  reorder: number;
  /** Probability of a delay, and its maximum in ms. */
  delay: number;
  maxDelayMs: number;
}

/**
 * A UDP relay between TFTP clients and a server that impairs packets both ways. Clients talk to the relay's
 * port; each client gets its own upstream socket, which learns the server's transfer port (TID) from replies.
 */
export class LossyRelay {
  readonly stats = { forwarded: 0, dropped: 0, duplicated: 0, reordered: 0, delayed: 0 };
  private readonly upstreams = new Map<string, { socket: Socket; serverPort?: number }>();
  private readonly held = new Map<Socket, () => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly random: () => number;

  private constructor(
    private readonly front: Socket,
    private readonly serverPort: number,
    private readonly impair: Impairment,
    seed: number,
  ) {
    this.random = mulberry32(seed);
    front.on('message', (msg, rinfo) => {
      const key = `${rinfo.address}:${rinfo.port}`;
      let up = this.upstreams.get(key);
      if (!up) {
        const socket = createSocket('udp4');
        const entry: { socket: Socket; serverPort?: number } = { socket };
        up = entry;
        this.upstreams.set(key, entry);
        socket.bind({ address: '127.0.0.1', port: 0 });
        socket.on('message', (reply, from) => {
          entry.serverPort ??= from.port;
          if (from.port !== entry.serverPort) return;
          this.pass(this.front, reply, rinfo.port, rinfo.address);
        });
      }
      this.pass(up.socket, msg, up.serverPort ?? this.serverPort, '127.0.0.1');
    });
  }

  static async start(serverPort: number, impair: Impairment, seed: number): Promise<LossyRelay> {
    const front = createSocket('udp4');
    await new Promise<void>((resolve) => front.bind({ address: '127.0.0.1', port: 0 }, resolve));
    return new LossyRelay(front, serverPort, impair, seed);
  }

  get port(): number {
    return this.front.address().port;
  }

  private pass(via: Socket, msg: Buffer, port: number, address: string): void {
    const send = (): void => {
      try {
        via.send(msg, port, address);
        this.stats.forwarded += 1;
      } catch {
        // Socket closed during shutdown.
      }
    };
    const r = this.random;
    if (r() < this.impair.drop) {
      this.stats.dropped += 1;
      return;
    }
    const later = (fn: () => void, ms: number): void => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        fn();
      }, ms);
      this.timers.add(t);
    };
    const emit = (): void => {
      if (r() < this.impair.delay) {
        this.stats.delayed += 1;
        later(send, 1 + Math.floor(r() * this.impair.maxDelayMs));
      } else send();
      if (r() < this.impair.duplicate) {
        this.stats.duplicated += 1;
        later(send, Math.floor(r() * 5));
      }
    };
    // Reorder: hold this packet until the next one on the same socket has gone (or 20 ms pass).
    const waiting = this.held.get(via);
    if (waiting) {
      this.held.delete(via);
      emit();
      waiting();
      return;
    }
    if (r() < this.impair.reorder) {
      this.stats.reordered += 1;
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        emit();
      };
      this.held.set(via, release);
      later(() => {
        if (this.held.get(via) === release) this.held.delete(via);
        release();
      }, 20);
      return;
    }
    emit();
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.front.close();
    for (const { socket } of this.upstreams.values()) socket.close();
  }
}
