import { discardLog, type SwallowLog } from './log';

/** Something that holds a resource (a socket, a timer, a subscription) and releases it. */
export interface Disposable {
  dispose(): void | Promise<void>;
}

/** Wraps a release function; it runs at most once. */
export function toDisposable(release: () => void | Promise<void>): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      return release();
    },
  };
}

/**
 * Owns resources and releases them together: in reverse order of adding, one at a time (each may be async),
 * every caller of `dispose` waiting for the same release. A release that throws is logged and the rest still run.
 * What is added after disposal is released at once, so a late `add` after an await never leaks.
 */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposing: Promise<void> | undefined;

  constructor(
    private readonly log: SwallowLog = discardLog,
    private readonly area = 'lifecycle',
  ) {}

  get isDisposed(): boolean {
    return this.disposing !== undefined;
  }

  /** Returns what it was given, so `const socket = store.add(open())` reads naturally. */
  add<T extends Disposable>(item: T): T {
    if (this.disposing) void this.release(item);
    else this.items.push(item);
    return item;
  }

  /** Shorthand for `add(toDisposable(release))`. */
  defer(release: () => void | Promise<void>): Disposable {
    return this.add(toDisposable(release));
  }

  dispose(): Promise<void> {
    this.disposing ??= (async () => {
      while (this.items.length > 0) await this.release(this.items.pop()!);
    })();
    return this.disposing;
  }

  private async release(item: Disposable): Promise<void> {
    try {
      await item.dispose();
    } catch (error) {
      this.log.swallowed(this.area, 'release resource', error);
    }
  }
}
