import { useEffect, useMemo, useState } from 'react';
import type { MigrationStatus, TimelineEntry } from '../../../../shared/api/migrate';
import type { ReplayEntry } from '../../../../shared/api/serial';
import { useClient, useEvent } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { base64ToBytes } from '../console/console-format';
import { formatElapsed } from './durations';

/** What the phone did on the network, as the timeline has it. */
const TFTP_KINDS = new Set<TimelineEntry['kind']>(['request', 'served', 'not-found', 'failed', 'dhcp', 'hop-done', 'success']);

interface Row {
  at: number;
  source: 'tftp' | 'console';
  text: string;
  key: string;
}

/** Console lines of a replay, each at the time its first byte came; control characters dropped. */
export function consoleLines(entries: readonly ReplayEntry[]): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  let current = '';
  let startedAt = 0;
  const decoder = new TextDecoder();
  for (const e of entries) {
    if (e.kind !== 'in' || !e.data) continue;
    for (const ch of decoder.decode(base64ToBytes(e.data))) {
      if (ch === '\r' || ch === '\n') {
        if (current.trim()) out.push({ at: startedAt, text: current });
        current = '';
        continue;
      }
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f-\u009f]/.test(ch)) continue;
      if (!current) startedAt = Date.parse(e.at);
      current += ch;
    }
  }
  if (current.trim()) out.push({ at: startedAt, text: current });
  return out;
}

/**
 * One time axis for one phone: its console lines and its TFTP requests interleaved, each at its offset from the
 * run's start. The console is the one open beside the timeline, read again as it shows more.
 */
export function PhoneTimeline({ status, timeline }: { status: MigrationStatus; timeline: readonly TimelineEntry[] }) {
  const { t, say } = useI18n();
  const client = useClient();
  const [lines, setLines] = useState<{ at: number; text: string }[]>([]);
  const [tick, setTick] = useState(0);
  useEvent('serial:data', useMemo(() => () => setTick((n) => n + 1), []));
  useEffect(() => {
    let gone = false;
    const timer = window.setTimeout(() => {
      void client.request('serial:sessions', {}).then(async (list) => {
        const open = list.ok ? list.value.find((s) => s.state !== 'closed') : undefined;
        if (!open) return;
        const replay = await client.request('serial:replay', { sessionId: open.id });
        if (!gone && replay.ok) setLines(consoleLines(replay.value.entries));
      });
    }, 300);
    return () => {
      gone = true;
      window.clearTimeout(timer);
    };
  }, [client, tick]);

  const start = Date.parse(status.startedAt);
  const rows: Row[] = [
    ...timeline.filter((e) => TFTP_KINDS.has(e.kind)).map((e) => ({ at: Date.parse(e.at), source: 'tftp' as const, text: say(e.message), key: `t${e.seq}` })),
    ...lines.filter((l) => l.at >= start).map((l, i) => ({ at: l.at, source: 'console' as const, text: l.text, key: `c${i}` })),
  ].sort((a, b) => a.at - b.at || (a.source === b.source ? 0 : a.source === 'console' ? -1 : 1));
  return (
    <section aria-labelledby="migrate-phone-timeline-heading">
      <h2 id="migrate-phone-timeline-heading">{t('bench.phoneTimeline')}</h2>
      <p className="fix">{t('bench.phoneTimeline.help')}</p>
      <table data-testid="migrate-phone-timeline">
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-source={r.source}>
              <td style={{ width: '4rem' }}>+{formatElapsed(r.at - start)}</td>
              <td style={{ width: '6rem' }}>
                <span className="badge">{t(`bench.phoneTimeline.${r.source}`)}</span>
              </td>
              <td>{r.source === 'console' ? <code>{r.text}</code> : r.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
