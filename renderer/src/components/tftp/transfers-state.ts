import type { TftpEvent } from '../../../../shared/api/tftp';

/** One row of the live transfer table. */
export interface TransferRow {
  id: string;
  client: string;
  direction: 'read' | 'write';
  filename: string;
  served?: string;
  bytes: number;
  totalBytes?: number;
  bytesPerSecond: number;
  state: 'running' | 'done' | 'failed';
  detail?: string;
}

/** Finished rows kept on screen, newest first after the running ones. */
export const KEEP_FINISHED = 50;

/** Folds one TFTP event into the table; pure, so the page stays simple and the rules testable. */
export function applyTransferEvent(rows: TransferRow[], e: TftpEvent): TransferRow[] {
  const update = (id: string, patch: (row: TransferRow) => TransferRow): TransferRow[] =>
    rows.map((row) => (row.id === id ? patch(row) : row));
  switch (e.type) {
    case 'request':
      return trim([
        { id: e.id, client: e.client.address, direction: e.direction, filename: e.filename, bytes: 0, bytesPerSecond: 0, state: 'running' },
        ...rows,
      ]);
    case 'negotiated':
      return update(e.id, (row) => ({ ...row, served: e.served, totalBytes: e.size || row.totalBytes }));
    case 'progress':
      return update(e.id, (row) => ({ ...row, bytes: e.bytes, bytesPerSecond: e.bytesPerSecond, ...(e.totalBytes !== undefined ? { totalBytes: e.totalBytes } : {}) }));
    case 'completed':
      return update(e.id, (row) => ({
        ...row,
        bytes: e.bytes,
        totalBytes: e.direction === 'read' ? e.bytes : row.totalBytes,
        bytesPerSecond: Math.round(e.bytes / Math.max(0.001, e.durationMs / 1000)),
        state: 'done',
      }));
    case 'failed':
      return update(e.id, (row) => ({ ...row, bytes: e.bytes, state: 'failed', detail: e.reason }));
    case 'stopped':
      return rows.map((row) => (row.state === 'running' ? { ...row, state: 'failed', detail: 'server stopped' } : row));
    case 'listening':
    case 'refused':
    case 'warning':
      return rows;
    default: {
      const never: never = e;
      return never;
    }
  }
}

function trim(rows: TransferRow[]): TransferRow[] {
  let finished = 0;
  return rows.filter((row) => row.state === 'running' || ++finished <= KEEP_FINISHED);
}

export function percent(row: TransferRow): number | undefined {
  if (row.state === 'done') return 100;
  if (!row.totalBytes) return undefined;
  return Math.min(100, Math.floor((row.bytes / row.totalBytes) * 100));
}

export function humanBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
