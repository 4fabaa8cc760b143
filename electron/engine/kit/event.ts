import { toDisposable, type Disposable } from './lifecycle';
import { discardLog, type SwallowLog } from './log';

/** Subscribe with a listener; dispose the returned handle to unsubscribe. */
export type Event<T> = (listener: (value: T) => void) => Disposable;

export interface EmitterOptions {
  /** Where a throwing listener is written; it never reaches the code that fired. */
  log: SwallowLog;
  /** Names the event in that log line, e.g. "serial.data". */
  name: string;
}

/** The one listener shape of the engine: a typed event whose `fire` isolates (and logs) each listener. */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();
  private readonly log: SwallowLog;
  private readonly name: string;
  private disposed = false;

  constructor(options: Partial<EmitterOptions> = {}) {
    this.log = options.log ?? discardLog;
    this.name = options.name ?? 'event';
  }

  /** The public side: only subscribing, never firing. */
  readonly event: Event<T> = (listener) => {
    if (this.disposed) return toDisposable(() => undefined);
    // A wrapper per subscription: the same function subscribed twice is two subscriptions.
    const entry = (value: T) => listener(value);
    this.listeners.add(entry);
    return toDisposable(() => {
      this.listeners.delete(entry);
    });
  };

  get listenerCount(): number {
    return this.listeners.size;
  }

  fire(value: T): void {
    // A copy: a listener that (un)subscribes while we deliver changes the next fire, not this one.
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        // A failing listener must not stop the others or the code that fired; the log keeps what it threw.
        this.log.swallowed('events', 'deliver event', error, { event: this.name });
      }
    }
  }

  /** Drops every listener; later subscriptions are inert. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
