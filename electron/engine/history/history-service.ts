import path from 'node:path';
import type { HistoryDay, HistoryList, HistoryRecord, HistoryResult, HistorySummary, HistoryZip } from '../../../shared/api/history';
import type { MigrationStatus } from '../../../shared/api/migrate';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { EngineLog } from '../engine-log';
import { Emitter, type Event } from '../kit/event';
import { readRegularFile } from '../safe-open';
import { renderReport, type ReportData } from '../migration/report';
import { historyCsv } from './history-csv';
import { DEFAULT_HISTORY_OPTIONS, HistoryStore, historyFile, type HistoryStoreOptions } from './history-store';
import { writeZip, type ZipEntry } from './zip-writer';

/** A report bigger than this is left out of the day zip (listed as missing): reports are a few hundred KB. */
const MAX_REPORT_BYTES = 32 * 1024 * 1024;
/** Report files are plain names the migration made: phonebench-<mac>-<stamp>.json. */
const REPORT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/** YYYY-MM-DD of an ISO time, in this computer's time zone (the bench's day). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'unknown';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** What the history keeps of a finished run. */
export function recordOf(status: MigrationStatus, reportFile: string | undefined, now = new Date()): HistoryRecord | undefined {
  const result: HistoryResult | undefined =
    status.state === 'succeeded' || status.state === 'failed' || status.state === 'stopped' ? status.state : undefined;
  if (!result) return undefined;
  const endedAt = status.endedAt ?? now.toISOString();
  const durationMs = Math.max(0, new Date(endedAt).getTime() - new Date(status.startedAt).getTime()) || 0;
  return {
    id: status.id,
    mac: status.mac,
    model: status.model,
    from: status.from,
    to: status.to,
    bundleId: status.bundleId,
    result,
    ...(status.message ? { reason: status.message, code: status.message.key } : {}),
    startedAt: status.startedAt,
    endedAt,
    durationMs,
    ...(reportFile ? { reportFile } : {}),
    demo: status.demo,
  };
}

/**
 * The day's record: every finished migration run, kept in history/runs.jsonl in the data folder. A corrupt line
 * is counted and written to the engine log once, never fatal; a run that cannot be recorded is logged, and the
 * migration it belongs to is not affected.
 */
export class HistoryService {
  private readonly added: Emitter<HistoryRecord>;
  /** Fires after a run is on disk. */
  readonly onRecord: Event<HistoryRecord>;
  private readonly store: HistoryStore;
  private reportedCorrupt = false;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly dataDir: string,
    private readonly log: EngineLog,
    options: HistoryStoreOptions = DEFAULT_HISTORY_OPTIONS,
  ) {
    this.store = new HistoryStore(historyFile(dataDir), options);
    this.added = new Emitter<HistoryRecord>({ log, name: 'history.record' });
    this.onRecord = this.added.event;
  }

  /** The one call a migration makes when its run ends (after its report is saved). Never throws. */
  recordRun(status: MigrationStatus, reportFile: string | undefined): Promise<void> {
    const record = recordOf(status, reportFile);
    if (!record) return Promise.resolve();
    const work = this.store
      .append(record)
      .then(() => this.added.fire(record))
      .catch((error: unknown) => this.log.swallowed('history', 'record run', error, { migration: record.id, file: this.store.file }))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return work;
  }

  async list(day: string | undefined, limit: number): Promise<HistoryList> {
    const loaded = await this.loaded();
    const records = day === undefined ? loaded.records : loaded.records.filter((r) => localDay(r.startedAt) === day);
    return { records: records.slice(-limit), corrupt: loaded.corrupt, file: this.store.file };
  }

  async summary(day: string | undefined): Promise<HistorySummary> {
    const loaded = await this.loaded();
    const byDay = new Map<string, HistoryRecord[]>();
    for (const r of loaded.records) {
      const d = localDay(r.startedAt);
      if (day !== undefined && d !== day) continue;
      byDay.set(d, [...(byDay.get(d) ?? []), r]);
    }
    const days = [...byDay.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([d, runs]) => summarizeDay(d, runs));
    return { days, corrupt: loaded.corrupt };
  }

  /** One zip of a day's reports (JSON and HTML) with index.csv. */
  async zip(day: string): Promise<HistoryZip> {
    const { records } = await this.list(day, Number.MAX_SAFE_INTEGER);
    if (records.length === 0) throw new PhonebenchError('not-found', msg('history.noRuns', { day }), msg('history.noRuns.fix'));
    const entries: ZipEntry[] = [];
    let reports = 0;
    let missing = 0;
    for (const r of records) {
      const file = r.reportFile;
      const data = file && REPORT_NAME.test(file) ? await this.readReport(file) : undefined;
      if (!file || !data) {
        missing++;
        continue;
      }
      reports++;
      const when = new Date(r.endedAt);
      entries.push({ name: file, data, modified: when });
      const html = htmlOf(data);
      if (html) entries.push({ name: file.replace(/\.json$/, '.html'), data: Buffer.from(html, 'utf8'), modified: when });
    }
    entries.unshift({ name: 'index.csv', data: Buffer.from(historyCsv(records), 'utf8') });
    return { fileName: `phonebench-reports-${day}.zip`, base64: writeZip(entries).toString('base64'), reports, missing };
  }

  snapshot(): { file: string } {
    return { file: this.store.file };
  }

  /** Waits for runs being recorded, then drops listeners. */
  async dispose(): Promise<void> {
    await Promise.all([...this.pending]);
    this.added.dispose();
  }

  private async loaded() {
    const loaded = await this.store.load();
    if (loaded.corrupt > 0 && !this.reportedCorrupt) {
      this.reportedCorrupt = true;
      this.log.write({
        level: 'warn',
        area: 'history',
        action: 'read history',
        detail: `${loaded.corrupt} line(s) could not be read and were skipped`,
        context: { file: this.store.file, firstLine: loaded.firstCorruptLine ?? 0 },
      });
    }
    return loaded;
  }

  private async readReport(file: string): Promise<Buffer | undefined> {
    const full = path.join(this.dataDir, 'reports', file);
    try {
      return await readRegularFile(full, MAX_REPORT_BYTES, { noFollow: true });
    } catch (error) {
      this.log.swallowed('history', 'read report for the day zip', error, { file });
      return undefined;
    }
  }
}

function summarizeDay(day: string, runs: HistoryRecord[]): HistoryDay {
  const reasons = new Map<string, { code: string; reason?: HistoryRecord['reason']; count: number }>();
  for (const r of runs) {
    if (r.result === 'succeeded') continue;
    const code = r.code ?? r.result;
    const entry = reasons.get(code) ?? { code, count: 0 };
    entry.count++;
    if (r.reason) entry.reason = r.reason;
    reasons.set(code, entry);
  }
  return {
    day,
    runs: runs.length,
    succeeded: runs.filter((r) => r.result === 'succeeded').length,
    failed: runs.filter((r) => r.result === 'failed').length,
    stopped: runs.filter((r) => r.result === 'stopped').length,
    reasons: [...reasons.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

/** The report for people, rendered again from its JSON; a report that does not parse gets none. */
function htmlOf(json: Buffer): string | undefined {
  try {
    return renderReport(JSON.parse(json.toString('utf8')) as ReportData, 'html').content;
  } catch {
    return undefined;
  }
}
