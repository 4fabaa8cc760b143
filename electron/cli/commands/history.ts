import path from 'node:path';
import type { HistoryDay, HistoryRecord } from '../../../shared/api/history';
import { formatMessage } from '../../../shared/i18n/format';
import { escapeTerminalText } from '../../../shared/text/terminal-text';
import { writeFileAtomic } from '../../engine/atomic-write';
import { historyCsv } from '../../engine/history/history-csv';
import { localDay } from '../../engine/history/history-service';
import { COMMON_OPTIONS, EXIT_OK, EXIT_USAGE, parseFlags, plural, UsageError, type CliCommand, type CliIo } from '../command';
import { reportError, resolveDataDir, withEngine } from '../engine-command';

const OPTIONS = { ...COMMON_OPTIONS, csv: { type: 'boolean', default: false }, day: { type: 'string' }, zip: { type: 'string' } } as const;

const USAGE = [
  'phonebench history [--json|--csv] [--day YYYY-MM-DD] [--zip FILE] [--data-dir DIR]',
  '  every migration run (MAC, model, from, to, result, duration, start, report) and a summary per day;',
  "  --zip FILE writes one zip of the day's reports (--day, or today) with an index.csv",
].join('\n');

type Engine = Parameters<Parameters<typeof withEngine>[1]>[0];

export const historyCommand: CliCommand = {
  name: 'history',
  usage: USAGE,
  async run(args, io) {
    let values;
    try {
      ({ values } = parseFlags(args, OPTIONS));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`phonebench history: ${escapeTerminalText(error.message)}\nusage:\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    if (values.json && values.csv) {
      io.stderr(`phonebench history: --json and --csv are two ways to print the same list: pick one\nusage:\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    if (values.day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.day)) {
      io.stderr(`phonebench history: --day is written YYYY-MM-DD, e.g. --day ${localDay(new Date().toISOString())}\n`);
      return EXIT_USAGE;
    }
    const dataDir = resolveDataDir(values['data-dir'], io.env);
    const day = values.day;
    const zip = values.zip;
    return withEngine(
      dataDir,
      (engine) =>
        zip !== undefined
          ? writeDayZip(engine, day ?? localDay(new Date().toISOString()), path.resolve(zip), values.json, io)
          : printHistory(engine, day, values.json ? 'json' : values.csv ? 'csv' : 'text', io),
      io,
    );
  },
};

async function printHistory(engine: Engine, day: string | undefined, format: 'json' | 'csv' | 'text', io: CliIo): Promise<number> {
  const [list, summary] = await Promise.all([
    engine.request('history:list', day === undefined ? { limit: 10_000 } : { day, limit: 10_000 }),
    engine.request('history:summary', day === undefined ? {} : { day }),
  ]);
  if (!list.ok) return reportError(io, list.error, format === 'json');
  if (!summary.ok) return reportError(io, summary.error, format === 'json');
  const { records, corrupt, file } = list.value;
  // A corrupt line is said on stderr in every format, so a script's stdout stays clean.
  if (corrupt > 0) io.stderr(`phonebench history: ${plural(corrupt, 'line')} of ${escapeTerminalText(file)} could not be read and were skipped (the engine log has where)\n`);
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ records, days: summary.value.days, corrupt })}\n`);
    return EXIT_OK;
  }
  if (format === 'csv') {
    io.stdout(historyCsv(records, '\n'));
    return EXIT_OK;
  }
  if (records.length === 0) {
    io.stdout(day === undefined ? 'No migration runs yet.\n' : `No migration runs on ${day}.\n`);
    return EXIT_OK;
  }
  for (const d of summary.value.days) io.stdout(daySummary(d));
  io.stdout('\n');
  const header = ['started', 'MAC', 'model', 'from', 'to', 'result', 'time', 'report'];
  const rows = records.map(recordCells);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')}\n`;
  io.stdout(line(header));
  for (const r of rows) io.stdout(line(r));
  return EXIT_OK;
}

function daySummary(d: HistoryDay): string {
  const lines = [`${d.day}: ${plural(d.runs, 'run')}, ${d.succeeded} done, ${d.failed} failed, ${d.stopped} stopped`];
  for (const r of d.reasons) lines.push(`  ${r.count} x ${escapeTerminalText(r.reason ? formatMessage('en', r.reason) : r.code)}`);
  return `${lines.join('\n')}\n`;
}

function recordCells(r: HistoryRecord): string[] {
  const started = new Date(r.startedAt);
  const when = Number.isNaN(started.getTime()) ? r.startedAt : `${localDay(r.startedAt)} ${started.toTimeString().slice(0, 8)}`;
  const result = r.result === 'succeeded' ? 'done' : r.code ? `${r.result} (${r.code})` : r.result;
  return [when, r.mac, r.model, r.from, r.to, result + (r.demo ? ' [demo]' : ''), duration(r.durationMs), r.reportFile ?? '-'].map(escapeTerminalText);
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

async function writeDayZip(engine: Engine, day: string, file: string, json: boolean, io: CliIo): Promise<number> {
  const result = await engine.request('history:zip', { day });
  if (!result.ok) return reportError(io, result.error, json);
  const bytes = Buffer.from(result.value.base64, 'base64');
  try {
    await writeFileAtomic(file, bytes);
  } catch (error) {
    // A full disk or a folder that is not there: said like every engine error (disk-full names the fix).
    return reportError(io, error, json);
  }
  const { reports, missing } = result.value;
  if (json) io.stdout(`${JSON.stringify({ file, day, bytes: bytes.length, reports, missing })}\n`);
  else {
    io.stdout(`Wrote ${escapeTerminalText(file)}: ${plural(reports, 'report')} of ${day}${missing > 0 ? `, ${missing} missing (listed in index.csv)` : ''}\n`);
  }
  return EXIT_OK;
}
