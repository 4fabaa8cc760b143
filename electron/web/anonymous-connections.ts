import type { Socket } from 'node:net';

/**
 * TCP connections that have not yet shown the token (or our cookie). Every browser tab's connection starts here and
 * leaves on its first authorised request; anything else (a local process opening sockets and sending nothing) is
 * held to `max` at once, the oldest closed first, and closed after `graceMs` anyway, so it cannot exhaust file
 * descriptors. The tab never comes near either limit.
 */
export class AnonymousConnections {
  /** In arrival order: the first is the oldest. Each has until its timer fires to show the token. */
  private readonly waiting = new Map<Socket, NodeJS.Timeout>();

  constructor(
    private readonly max: number,
    private readonly graceMs: number,
  ) {}

  get size(): number {
    return this.waiting.size;
  }

  add(socket: Socket): void {
    const timer = setTimeout(() => this.drop(socket), this.graceMs);
    timer.unref();
    this.waiting.set(socket, timer);
    socket.once('close', () => this.trust(socket));
    for (const oldest of this.waiting.keys()) {
      if (this.waiting.size <= this.max) break;
      this.drop(oldest);
    }
  }

  /** The connection carried the token: it is a tab's, and stays open as long as HTTP keeps it. */
  trust(socket: Socket): void {
    clearTimeout(this.waiting.get(socket));
    this.waiting.delete(socket);
  }

  private drop(socket: Socket): void {
    this.trust(socket);
    socket.destroy();
  }
}
