/**
 * Gathers bytes and hands them on in batches: when `maxBytes` are waiting, or `intervalMs` after the first
 * byte of a batch. The UI gets tens of messages a second, never one per byte.
 */
export class ByteBatcher {
  private chunks: Buffer[] = [];
  private size = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deliver: (batch: Buffer) => void,
    private readonly intervalMs = 40,
    private readonly maxBytes = 16 * 1024,
  ) {}

  push(bytes: Buffer): void {
    let rest = bytes;
    // A large read is cut so no batch exceeds maxBytes.
    for (let guard = 0; rest.length > 0 && guard < 1_000_000; guard++) {
      const room = this.maxBytes - this.size;
      const part = rest.subarray(0, room);
      rest = rest.subarray(part.length);
      this.chunks.push(part);
      this.size += part.length;
      if (this.size >= this.maxBytes) this.flush();
    }
    if (this.size > 0 && this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.intervalMs);
    }
  }

  /** Delivers whatever is waiting now. */
  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.size === 0) return;
    const batch = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    this.deliver(batch);
  }
}
