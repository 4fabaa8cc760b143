import { useEffect, useMemo, useState } from 'react';
import type { MigrationStatus, TimelineEntry } from '../../../../shared/api/migrate';
import { measuredWrites, median, quietAfterMs } from './durations';

const KEY = 'phonebench.bench.flashWrites';
const KEPT = 20;

interface Stored {
  run: string;
  seq: number;
  ms: number;
}

function load(): Stored[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((x): x is Stored => typeof x === 'object' && x !== null && typeof x.run === 'string' && typeof x.seq === 'number' && typeof x.ms === 'number');
  } catch {
    return [];
  }
}

export interface FlashEstimate {
  /** The median of what was measured; absent with nothing measured. */
  usualMs?: number;
  /** After this long quiet, the phone is well past the usual. */
  quietAfterMs?: number;
  basis: 'run' | 'bench' | 'none';
  count: number;
}

/**
 * The expected flash write: from this run's own earlier writes when it had some, else from the writes measured
 * on this computer (kept in this browser, the last 20). Every write this run ends is recorded.
 */
export function useFlashEstimate(status: MigrationStatus | undefined, timeline: readonly TimelineEntry[]): FlashEstimate {
  const [bench, setBench] = useState<Stored[]>(load);
  const runWrites = useMemo(() => measuredWrites(timeline), [timeline]);
  const runId = status?.id;
  useEffect(() => {
    if (!runId || runWrites.length === 0) return;
    const stored = load();
    const fresh = runWrites.filter((w) => !stored.some((s) => s.run === runId && s.seq === w.seq)).map((w) => ({ run: runId, ...w }));
    if (fresh.length === 0) return;
    const next = [...stored, ...fresh].slice(-KEPT);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Storage refused: the estimate uses this run only.
    }
    setBench(next);
  }, [runId, runWrites]);
  const earlier = bench.filter((s) => s.run !== runId).map((s) => s.ms);
  const own = runWrites.map((w) => w.ms);
  const [basis, measured] = own.length > 0 ? (['run', own] as const) : earlier.length > 0 ? (['bench', earlier] as const) : (['none', []] as const);
  const usualMs = median(measured);
  const quiet = quietAfterMs(measured);
  return { ...(usualMs !== undefined ? { usualMs } : {}), ...(quiet !== undefined ? { quietAfterMs: quiet } : {}), basis, count: measured.length };
}
