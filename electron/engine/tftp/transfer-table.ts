import type { TftpEvent, TransferRow } from '../../../shared/api/tftp';
import { failureMessage, refusalMessage } from './log-message';

/** Finished rows kept, newest first after the running ones. */
export const KEEP_FINISHED = 200;

/**
 * The TFTP page's transfer table, folded from the server's events in the engine, so a page that comes back
 * (or a second tab) sees the same rows. Every request ends in one state: done, failed or refused.
 */
export class TransferTable {
  private list: TransferRow[] = [];
  private nextRefusal = 1;

  rows(): TransferRow[] {
    return this.list.map((row) => ({ ...row }));
  }

  /** Drops finished rows; running ones stay (they are still going). */
  clear(): TransferRow[] {
    this.list = this.list.filter((row) => row.state === 'running');
    return this.rows();
  }

  /**
   * Folds one event in; returns the rows it changed. `run` tells server starts apart: each start numbers its
   * transfers from t1 again, and the table outlives the server.
   */
  apply(event: TftpEvent, run = 0): TransferRow[] {
    const e = 'id' in event && event.id !== undefined ? { ...event, id: `${run}.${event.id}` } : event;
    switch (e.type) {
      case 'request':
        return this.add({ id: e.id, at: e.at, client: e.client.address, direction: e.direction, filename: e.filename, bytes: 0, bytesPerSecond: 0, state: 'running' });
      case 'negotiated':
        return this.update(e.id, (row) => ({
          ...row,
          served: e.served,
          blksize: e.options.blksize,
          ...(e.size || row.totalBytes ? { totalBytes: e.size || row.totalBytes } : {}),
        }));
      case 'progress':
        return this.update(e.id, (row) => ({ ...row, bytes: e.bytes, bytesPerSecond: e.bytesPerSecond, ...(e.totalBytes !== undefined ? { totalBytes: e.totalBytes } : {}) }));
      case 'completed':
        return this.update(e.id, (row) => ({
          ...row,
          bytes: e.bytes,
          ...(e.direction === 'read' ? { totalBytes: e.bytes } : {}),
          bytesPerSecond: Math.round(e.bytes / Math.max(0.001, e.durationMs / 1000)),
          state: 'done',
          durationMs: e.durationMs,
          blksize: e.blksize,
          retries: e.retransmits,
        }));
      case 'failed':
        return this.update(e.id, (row) => ({ ...row, bytes: e.bytes, state: 'failed', detail: e.reason, why: failureMessage(e.reason), durationMs: e.durationMs, retries: e.retransmits }));
      case 'refused': {
        // Refused after it got an id (a bad path found late): that row ends here, never left "sending".
        if ('id' in e && e.id !== undefined && this.list.some((row) => row.id === e.id)) {
          return this.update(e.id, (row) => ({ ...row, state: 'refused', refusal: e.reason, detail: e.detail, why: refusalMessage(e.reason, e.detail) }));
        }
        return this.add({
          id: `r${this.nextRefusal++}`,
          at: e.at,
          client: e.client.address,
          direction: e.direction,
          filename: e.filename,
          bytes: 0,
          bytesPerSecond: 0,
          state: 'refused',
          refusal: e.reason,
          detail: e.detail,
          why: refusalMessage(e.reason, e.detail),
        });
      }
      case 'stopped': {
        const changed: TransferRow[] = [];
        this.list = this.list.map((row) => {
          if (row.state !== 'running') return row;
          const next: TransferRow = { ...row, state: 'failed', detail: 'server stopped', why: failureMessage('server stopped') };
          changed.push(next);
          return next;
        });
        return changed;
      }
      case 'listening':
      case 'warning':
        return [];
      default: {
        const never: never = e;
        return never;
      }
    }
  }

  private add(row: TransferRow): TransferRow[] {
    let finished = 0;
    this.list = [row, ...this.list].filter((r) => r.state === 'running' || ++finished <= KEEP_FINISHED);
    return [{ ...row }];
  }

  private update(id: string, patch: (row: TransferRow) => TransferRow): TransferRow[] {
    const changed: TransferRow[] = [];
    this.list = this.list.map((row) => {
      if (row.id !== id) return row;
      const next = patch(row);
      changed.push({ ...next });
      return next;
    });
    return changed;
  }
}
