import type { MigrationStatus, TimelineEntry } from '../../../../shared/api/migrate';
import type { AppError } from '../../../../shared/api/result';
import { useI18n } from '../../i18n/i18n';
import { ConsoleView } from '../console/console-view';
import { ErrorView } from '../error-view';
import { SuccessPanel } from './success-panel';
import { useState } from 'react';
import { flashWrite } from './durations';
import { PhoneTimeline } from './phone-timeline';
import { FlashWarning, Timeline } from './run-timeline';
import { useFlashEstimate } from './use-flash-estimate';

interface Props {
  status: MigrationStatus | undefined;
  timeline: TimelineEntry[];
  error: AppError | undefined;
  busy: boolean;
  /** The choices came from the virtual-phone demo: Start runs it again; a real phone starts from the first step. */
  demo: boolean;
  onStart: () => void;
  onSetupReal: () => void;
  onStop: () => void;
  onNextPhone: () => void;
  /** After listening first: back to step 1, filled with what was learned. */
  onContinue: () => void;
}

const LIVE = new Set(['starting', 'listening', 'waiting-for-phone', 'running']);

/** One click, then the phone's requests as they come: timeline, per-file progress, the console beside it. */
export function RunStep({ status, timeline, error, busy, demo, onStart, onSetupReal, onStop, onNextPhone, onContinue }: Props) {
  const { t, say } = useI18n();
  const live = status !== undefined && LIVE.has(status.state);
  const final = status !== undefined && !live;
  const neverAsked = final ? (status?.files.filter((f) => f.state === 'waiting').map((f) => f.name) ?? []) : [];
  const flashing = live ? flashWrite(timeline) : undefined;
  const estimate = useFlashEstimate(status, timeline);
  const [phoneView, setPhoneView] = useState(false);
  return (
    <div className="migrate-run" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: '1rem' }}>
      <div>
        {error ? <ErrorView error={error} /> : null}
        <p>
          {live ? (
            <button type="button" onClick={onStop}>
              {t('migrate.run.stop')}
            </button>
          ) : demo ? (
            <>
              <button type="button" className="primary" onClick={onStart} disabled={busy}>
                {t('migrate.run.demoAgain')}
              </button>{' '}
              <button type="button" onClick={onSetupReal} disabled={busy}>
                {t('migrate.run.real')}
              </button>
            </>
          ) : status?.state === 'succeeded' ? null : (
            <button type="button" className="primary" onClick={onStart} disabled={busy}>
              {t('migrate.run.start')}
            </button>
          )}
        </p>
        {status?.state === 'succeeded' && !demo ? <SuccessPanel status={status} onNextPhone={onNextPhone} /> : null}
        {demo && !live ? <p className="fix">{t('migrate.run.real.help')}</p> : null}
        {flashing ? <FlashWarning since={flashing.at} file={flashing.file} estimate={estimate} /> : null}
        {status ? (
          <dl className="facts" data-testid="migrate-status">
            <dt>{t('migrate.run.state')}</dt>
            <dd role="status" data-testid="migrate-state" data-state={status.state}>
              {t(`migrate.run.state.${status.state}`)}
              {status.message ? `: ${say(status.message)}` : ''}
            </dd>
            <dt>{t('migrate.run.phoneIp')}</dt>
            <dd>{status.phoneIp ?? t('migrate.run.phoneIp.unknown')}</dd>
          </dl>
        ) : null}
        {status && status.hops.length > 0 ? (
          <ol data-testid="migrate-hops">
            {status.hops.map((h) => (
              <li key={h.index} aria-current={h.state === 'active' ? 'step' : undefined} data-state={h.state}>
                {say(h.title)} <span className={`badge ${h.state === 'done' ? 'ok' : h.state === 'active' ? 'warn' : ''}`}>{t(`migrate.hop.${h.state}`)}</span>
                {h.state === 'active' && h.phoneShows.length > 0 ? <div className="fix">{t('migrate.plan.shows')}: {h.phoneShows.map(say).join(' / ')}</div> : null}
              </li>
            ))}
          </ol>
        ) : null}
        {status?.fix ? <p className="fix">{t('migrate.run.fix', { fix: say(status.fix) })}</p> : null}
        {status?.inference ? (
          <p className="notice" role="status">
            {status.inference.said ? t('migrate.run.inferredSaid', { what: say(status.inference.said) }) : t('migrate.run.inferred', { what: [status.inference.protocol, status.inference.era].filter(Boolean).join(', ') })}{' '}
            <button type="button" data-testid="migrate-listen-continue" onClick={onContinue}>
              {t('migrate.run.listenContinue')}
            </button>
          </p>
        ) : null}
        {status ? (
          <p>
            <button type="button" data-testid="migrate-phone-timeline-toggle" aria-pressed={phoneView} onClick={() => setPhoneView((v) => !v)}>
              {phoneView ? t('bench.phoneTimeline.hide') : t('bench.phoneTimeline.show')}
            </button>
          </p>
        ) : null}
        {status && phoneView ? <PhoneTimeline status={status} timeline={timeline} /> : <Timeline timeline={timeline} />}
        {status && status.files.length > 0 ? (
          <section aria-labelledby="migrate-files-heading">
            <h2 id="migrate-files-heading">{t('migrate.run.files')}</h2>
            <table data-testid="migrate-files">
              <tbody>
                {status.files.map((f) => (
                  <tr key={`${f.hop}-${f.name}`}>
                    <td>
                      <code>{f.name}</code>
                    </td>
                    <td>{t(`migrate.run.file.${f.state}`)}</td>
                    <td style={{ width: '40%' }}>
                      <progress aria-label={f.name} max={f.total ?? 1} value={f.state === 'served' ? (f.total ?? 1) : f.bytes} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {neverAsked.length > 0 ? (
          <section aria-labelledby="migrate-never-heading" data-testid="migrate-never-asked">
            <h2 id="migrate-never-heading">{t('migrate.run.neverAsked')}</h2>
            <p>
              {neverAsked.map((name, i) => (
                <span key={name}>
                  {i > 0 ? ', ' : ''}
                  <code>{name}</code>
                </span>
              ))}
            </p>
            <p className="fix">{t('migrate.run.neverAsked.help')}</p>
          </section>
        ) : null}
      </div>
      <aside aria-label={t('migrate.run.console')}>
        <ConsoleView compact />
      </aside>
    </div>
  );
}

