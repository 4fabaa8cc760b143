import type { TransferRow } from '../../../../shared/api/tftp';

/** Puts a changed row in place (or on top when new); the engine keeps the table, the page mirrors it. */
export function upsertRow(rows: TransferRow[], row: TransferRow): TransferRow[] {
  return rows.some((r) => r.id === row.id) ? rows.map((r) => (r.id === row.id ? row : r)) : [row, ...rows];
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
