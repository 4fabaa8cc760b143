import type { TimelineEntry } from '../../../../shared/api/migrate';
import { parseImageName } from '../../../../shared/cisco/image-name';

/**
 * How long phones take to write an image to flash, measured on this bench: from the last image sent to the
 * phone's next request. No Cisco figure is assumed; with nothing measured there is no estimate.
 */

/** Events that are not this phone asking (a refusal is another phone): they neither end a write nor start one. */
const NOT_THE_PHONE = new Set<TimelineEntry['kind']>(['console', 'info', 'hint', 'warning', 'inferred', 'dhcp', 'refused']);

/** An image the phone writes to flash; a `.loads` list only names them and is not written. */
function imageFile(file: string | undefined): boolean {
  const image = file === undefined ? undefined : parseImageName(file);
  return image !== undefined && image.extension?.toLowerCase() !== 'loads';
}

const isImage = (e: TimelineEntry): boolean => e.kind === 'served' && imageFile(e.file);

/** The newest image the phone fetched, while nothing came after it: the phone is writing it to flash. */
export function flashWrite(timeline: readonly TimelineEntry[]): { at: string; file: string } | undefined {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i] as TimelineEntry;
    if (NOT_THE_PHONE.has(e.kind)) continue;
    return isImage(e) && e.file ? { at: e.at, file: e.file } : undefined;
  }
  return undefined;
}

export interface MeasuredWrite {
  /** The timeline entry of the image, so a write is counted once. */
  seq: number;
  ms: number;
}

/** Writes this timeline saw end: the last image of a batch sent, then the phone's next request for something else. */
export function measuredWrites(timeline: readonly TimelineEntry[]): MeasuredWrite[] {
  const out: MeasuredWrite[] = [];
  let last: TimelineEntry | undefined;
  for (const e of timeline) {
    if (NOT_THE_PHONE.has(e.kind)) continue;
    if (isImage(e)) {
      last = e;
      continue;
    }
    // The phone still fetching its images (one after another) is not writing yet.
    if (last && e.kind === 'request' && (imageFile(e.file) || e.file?.toLowerCase().endsWith('.loads'))) continue;
    if (last && e.kind === 'request') {
      const ms = Date.parse(e.at) - Date.parse(last.at);
      if (Number.isFinite(ms) && ms >= 0) out.push({ seq: last.seq, ms });
    }
    last = undefined;
  }
  return out;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** "Well past" the usual: twice the longest write measured, and ten seconds more. */
export function quietAfterMs(measured: readonly number[]): number | undefined {
  return measured.length === 0 ? undefined : 2 * Math.max(...measured) + 10_000;
}

export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
