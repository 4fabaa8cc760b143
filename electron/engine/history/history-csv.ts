import type { HistoryRecord } from '../../../shared/api/history';
import { formatMessage } from '../../../shared/i18n/format';

/** The columns of `phonebench history --csv` and of the day zip's index.csv. */
export const HISTORY_CSV_HEADER = ['started', 'mac', 'model', 'from', 'to', 'result', 'code', 'reason', 'seconds', 'report', 'demo'];

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR first) gets a leading apostrophe: text from the wire never becomes a formula.
 */
export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function historyCsvRow(r: HistoryRecord): string[] {
  return [
    r.startedAt,
    r.mac,
    r.model,
    r.from,
    r.to,
    r.result,
    r.code ?? '',
    r.reason ? formatMessage('en', r.reason) : '',
    (r.durationMs / 1000).toFixed(1),
    r.reportFile ?? '',
    r.demo ? 'yes' : 'no',
  ];
}

/** CRLF (RFC 4180) in files; the CLI prints LF, since its terminal-safe output writes a bare CR out visibly. */
export function historyCsv(records: readonly HistoryRecord[], eol: '\r\n' | '\n' = '\r\n'): string {
  const rows = [HISTORY_CSV_HEADER, ...records.map(historyCsvRow)];
  return rows.map((row) => `${row.map(csvCell).join(',')}${eol}`).join('');
}
