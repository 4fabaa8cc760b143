import { PhonebenchError } from '../../shared/api/result';
import { msg } from '../../shared/i18n/message';
import { RateBucket } from '../engine/rate-bucket';

export { RateBucket };

/** What one `phonebench serve` accepts from browsers; a tab never comes near these, a flood stops at them. */
export interface WebLimits {
  /** Largest WebSocket message; a larger one closes the connection (1009). */
  maxMessageBytes: number;
  /** Messages per second per connection, sustained; past it (and the burst) the connection is closed (1008). */
  messagesPerSecond: number;
  /** Messages a connection may send at once before the rate applies. */
  messageBurst: number;
  /** Requests one connection may have running; more are answered 'busy' at once. */
  maxInFlight: number;
  /** WebSocket connections at once; more are refused (503). */
  maxConnections: number;
  /** Largest upload, checked against Content-Length first, then counted as it streams. */
  maxUploadBytes: number;
  /** Uploads being received at once; more are refused (429). */
  maxConcurrentUploads: number;
  /** TCP connections open at once that have not shown the token; past it the oldest is closed. */
  maxAnonymousConnections: number;
  /** Time a connection has to send a request's headers, and to show the token (Node's default is 60 s). */
  headersTimeoutMs: number;
}

export const DEFAULT_WEB_LIMITS: WebLimits = {
  maxMessageBytes: 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 200,
  maxInFlight: 32,
  maxConnections: 16,
  maxUploadBytes: 4 * 1024 ** 3,
  maxConcurrentUploads: 2,
  maxAnonymousConnections: 32,
  headersTimeoutMs: 10_000,
};

/** What the host holds right now, for tests and status: every number returns to 0 when browsers leave. */
export interface WebLoadStats {
  connections: number;
  inFlight: number;
  uploads: number;
  /** TCP connections open that have not shown the token yet. */
  anonymous: number;
}

/** Counts what the host holds, and says no past the limits. */
export class WebLoad {
  connections = 0;
  inFlight = 0;
  uploads = 0;

  constructor(readonly limits: WebLimits) {}

  stats(anonymous = 0): WebLoadStats {
    return { connections: this.connections, inFlight: this.inFlight, uploads: this.uploads, anonymous };
  }

  /** Claims an upload slot, or throws 'busy'; call the returned release exactly once. */
  claimUpload(): () => void {
    if (this.uploads >= this.limits.maxConcurrentUploads) {
      throw new PhonebenchError(
        'busy',
        msg('webLimits.uploadsBusy', { limit: this.limits.maxConcurrentUploads }),
        msg('webLimits.uploadsBusy.fix'),
      );
    }
    this.uploads += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.uploads -= 1;
    };
  }

  uploadTooLarge(): PhonebenchError {
    return new PhonebenchError(
      'bad-request',
      msg('webLimits.uploadTooLarge', { limit: Math.round(this.limits.maxUploadBytes / (1024 * 1024)) }),
      msg('webLimits.uploadTooLarge.fix'),
    );
  }

  busy(): PhonebenchError {
    return new PhonebenchError('busy', msg('webLimits.busy', { limit: this.limits.maxInFlight }), msg('webLimits.busy.fix'));
  }
}

/** One WebSocket connection's share: its rate bucket and its requests in flight. */
export class ConnectionGuard {
  private readonly bucket: RateBucket;
  private inFlight = 0;
  private released = false;

  constructor(private readonly load: WebLoad) {
    load.connections += 1;
    this.bucket = new RateBucket(load.limits.messagesPerSecond, load.limits.messageBurst);
  }

  /** False when the connection sends faster than its rate: the caller closes it. */
  admit(): boolean {
    return this.bucket.take();
  }

  /** Runs one request as in flight; past the per-connection limit it is not run and 'busy' comes back. */
  async run<T>(work: () => Promise<T>, busy: (error: PhonebenchError) => T): Promise<T> {
    if (this.inFlight >= this.load.limits.maxInFlight) return busy(this.load.busy());
    this.inFlight += 1;
    this.load.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      this.load.inFlight -= 1;
    }
  }

  /** The connection closed; idempotent. */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.load.connections -= 1;
  }
}
