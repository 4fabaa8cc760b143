import { z } from 'zod';
import { request } from './define';

/** One line of the engine log (logs/engine.jsonl in the data folder): something that went wrong and was kept quiet. */
export interface EngineLogEntry {
  at: string;
  level: 'error' | 'warn' | 'info';
  /** Where: a domain or module, e.g. "migrate", "tftp.transfer". */
  area: string;
  /** What was being done, e.g. "save report". */
  action: string;
  /** The error's own text (technical, English or the OS's). */
  detail: string;
  /** Values that help, e.g. a file name or a session id. */
  context?: Record<string, string | number | boolean>;
}

export interface EngineLogView {
  /** The current log file (older ones sit next to it as engine.1.jsonl, engine.2.jsonl, ...). */
  file: string;
  /** The last entries, oldest first. */
  entries: EngineLogEntry[];
}

const logParams = z.object({ limit: z.number().int().min(1).max(500).default(50) });

export const engineLogRequests = {
  /** The log file's path and its last entries, for the Status page. */
  'app:log': request<typeof logParams, EngineLogView>(logParams),
};
