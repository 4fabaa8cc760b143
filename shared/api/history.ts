import { z } from 'zod';
import type { Message } from '../i18n/message';
import { request, type AnyRequestDefs } from './define';

/**
 * The day's record: one line per finished migration run, kept in the data folder (history/runs.jsonl),
 * bounded and surviving restarts. Runtime-neutral.
 */

export const HISTORY_RESULTS = ['succeeded', 'failed', 'stopped'] as const;
export type HistoryResult = (typeof HISTORY_RESULTS)[number];

export interface HistoryRecord {
  /** The migration's id. */
  id: string;
  mac: string;
  model: '7940' | '7960';
  from: string;
  to: string;
  bundleId: string;
  result: HistoryResult;
  /** Why it failed or stopped (or how it ended), as the run said it. */
  reason?: Message;
  /** A stable name for `reason` (its message key), e.g. "migrate.stall": what the day summary groups by. */
  code?: string;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  /** The report's file name in the data folder's reports/ (absent when it could not be saved). */
  reportFile?: string;
  demo: boolean;
}

export interface HistoryList {
  /** Oldest first. */
  records: HistoryRecord[];
  /** Lines of the history file that could not be read (skipped; the engine log says where). */
  corrupt: number;
  file: string;
}

/** One reason runs failed (or were stopped), with how often. */
export interface HistoryReason {
  code: string;
  /** The reason as the last run with this code said it. */
  reason?: Message;
  count: number;
}

export interface HistoryDay {
  /** YYYY-MM-DD in this computer's time zone. */
  day: string;
  runs: number;
  /** Phones that reached the target. */
  succeeded: number;
  failed: number;
  stopped: number;
  /** Why runs failed or stopped, most frequent first. */
  reasons: HistoryReason[];
}

export interface HistorySummary {
  /** Newest day first. */
  days: HistoryDay[];
  corrupt: number;
}

export interface HistoryZip {
  fileName: string;
  /** The zip itself, base64. */
  base64: string;
  /** Reports in the zip. */
  reports: number;
  /** Runs of the day whose report file is gone or unreadable (listed in the zip's index). */
  missing: number;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD');

export const historyListSchema = z.object({ day: day.optional(), limit: z.number().int().min(1).max(10_000).default(1000) });
export const historySummarySchema = z.object({ day: day.optional() });
export const historyZipSchema = z.object({ day });

/** Requests of the history domain, named 'history:<verb>'. */
export const historyRequests = {
  /** Runs, oldest first: all of them, or one day's. */
  'history:list': request<typeof historyListSchema, HistoryList>(historyListSchema),
  /** Per day: phones done, failed, stopped and why. */
  'history:summary': request<typeof historySummarySchema, HistorySummary>(historySummarySchema),
  /** One zip of a day's reports, with an index (index.csv). */
  'history:zip': request<typeof historyZipSchema, HistoryZip>(historyZipSchema),
} satisfies AnyRequestDefs;

/** Events of the history domain. */
export interface HistoryEvents {
  /** A run was added to the record. */
  'history:record': HistoryRecord;
}
