import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '../../../../shared/api/migrate';
import { formatElapsed } from './durations';
import type { FlashEstimate } from './use-flash-estimate';
import { useI18n } from '../../i18n/i18n';

/** The phone writing an image to flash: how long so far, how long it usually takes here, and a calm alert well past it. */
export function FlashWarning({ since, file, estimate }: { since: string; file: string; estimate: FlashEstimate }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const ms = Math.max(0, now - Date.parse(since));
  const elapsed = formatElapsed(ms);
  const usual = estimate.usualMs !== undefined ? formatElapsed(estimate.usualMs) : undefined;
  const quiet = estimate.quietAfterMs !== undefined && ms > estimate.quietAfterMs;
  return (
    <div role="status" className="notice" data-testid="migrate-flash-warning">
      <p>
        <strong>{t('migrate.run.flash', { file, elapsed })}</strong>
      </p>
      <p data-testid="migrate-flash-estimate" data-basis={estimate.basis}>
        {usual ? t('bench.flash.usually', { usual, elapsed, basis: t(`bench.flash.basis.${estimate.basis}`, { count: estimate.count }) }) : t('bench.flash.basis.none', { elapsed })}
      </p>
      {quiet && usual ? (
        <p data-testid="migrate-quiet">{t('bench.quiet', { elapsed, usual })}</p>
      ) : null}
    </div>
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

