import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '../../../../shared/api/migrate';
import { parseImageName } from '../../../../shared/cisco/image-name';
import { useI18n } from '../../i18n/i18n';

/** The newest image the phone fetched, while nothing came after it: the phone is writing it to flash. */
export function flashWrite(timeline: TimelineEntry[]): { at: string; file: string } | undefined {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i] as TimelineEntry;
    if (e.kind === 'console' || e.kind === 'info' || e.kind === 'hint') continue;
    if (e.kind === 'served' && e.file && parseImageName(e.file) !== undefined) return { at: e.at, file: e.file };
    return undefined;
  }
  return undefined;
}

export function FlashWarning({ since, file }: { since: string; file: string }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const elapsed = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <p role="status" className="notice" data-testid="migrate-flash-warning">
      <strong>{t('migrate.run.flash', { file, elapsed })}</strong>
    </p>
  );
}

/** The timeline follows new lines, unless the technician scrolled up to read (then it stays put). */
export function Timeline({ timeline }: { timeline: TimelineEntry[] }) {
  const { t, say } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  const follow = useRef(true);
  useLayoutEffect(() => {
    const el = list.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [timeline]);
  return (
        <section aria-labelledby="migrate-timeline-heading">
          <h2 id="migrate-timeline-heading">{t('migrate.run.timeline')}</h2>
          <ol
            ref={list}
            data-testid="migrate-timeline"
            aria-live="polite"
            style={{ listStyle: 'none', padding: 0, maxHeight: '28rem', overflow: 'auto' }}
            onScroll={(e) => {
              const el = e.currentTarget;
              follow.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 16;
            }}
          >
            {timeline.map((e) => (
              <li key={e.seq} data-kind={e.kind} className={`timeline-${e.kind}`}>
                <time dateTime={e.at}>{e.at.slice(11, 19)}</time> <span className="badge">{t(`migrate.kind.${e.kind}`)}</span> {say(e.message)}
                {e.fix ? <div className="fix">{t('migrate.run.fix', { fix: say(e.fix) })}</div> : null}
              </li>
            ))}
          </ol>
        </section>
  );
}

