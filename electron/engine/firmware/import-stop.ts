import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';

const TIMED_OUT = Symbol('import-timed-out');

/**
 * Why an import stops early: the caller's signal (a signal, a closing window) or its time budget. `signal`
 * wakes anything waiting on I/O; `check()` throws the error that says which of the two it was.
 */
export class ImportStop {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onCallerAbort = (): void => this.controller.abort();

  constructor(
    private readonly name: string,
    private readonly maxSeconds: number,
    private readonly caller?: AbortSignal,
  ) {
    this.timer = setTimeout(() => this.controller.abort(TIMED_OUT), maxSeconds * 1000);
    this.timer.unref();
    if (caller?.aborted) this.controller.abort();
    else caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  check(): void {
    if (!this.controller.signal.aborted) return;
    throw this.error();
  }

  error(): PhonebenchError {
    if (this.controller.signal.reason === TIMED_OUT) {
      return new PhonebenchError(
        'archive-refused',
        msg('firmwareImport.tooSlow', { name: this.name, limit: this.maxSeconds }),
        msg('firmwareImport.raiseLimit.fix', { setting: 'maxSeconds', limit: this.maxSeconds }),
      );
    }
    return new PhonebenchError('cancelled', msg('firmwareImport.cancelled', { name: this.name }));
  }

  /** Releases the timer and the listener; the import is over either way. */
  dispose(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}
