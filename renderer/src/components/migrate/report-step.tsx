import { useState } from 'react';
import type { MigrationStatus, TimelineEntry } from '../../../../shared/api/migrate';
import type { AppError } from '../../../../shared/api/result';
import { useClient } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { ErrorView } from '../error-view';
import { PlanSources } from './plan-step';

/** What was served, to whom, with hashes: exported as a file the browser saves. Refused requests are listed. */
interface Props {
  status: MigrationStatus | undefined;
  refused: TimelineEntry[];
  /** Keeps bundle, interface, port and starting firmware; asks only for the MAC. */
  onNextPhone: () => void;
  onStartOver: () => void;
}

export function ReportStep({ status, refused, onNextPhone, onStartOver }: Props) {
  const { t, say, language } = useI18n();
  const client = useClient();
  const [error, setError] = useState<AppError>();
  const save = async (format: 'html' | 'json') => {
    const r = await client.request('migrate:report', { format, language });
    if (!r.ok) return setError(r.error);
    const blob = new Blob([r.value.content], { type: format === 'html' ? 'text/html' : 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const served = status?.files.filter((f) => f.state === 'served').length ?? 0;
  const neverAsked = status?.files.filter((f) => f.state === 'waiting').map((f) => f.name) ?? [];
  return (
    <section aria-labelledby="migrate-report-heading" data-testid="migrate-report">
      <h2 id="migrate-report-heading">{t('migrate.report.heading')}</h2>
      {error ? <ErrorView error={error} /> : null}
      {status ? (
        <p>
          <strong>{t(`migrate.run.state.${status.state}`)}</strong>
          {status.message ? `: ${say(status.message)}` : ''}
        </p>
      ) : null}
      <p>{t('migrate.report.served', { count: served, refused: refused.length })}</p>
      {status ? <PlanSources preview={status} /> : null}
      {neverAsked.length > 0 ? (
        <p data-testid="migrate-report-never-asked">
          {t('migrate.run.neverAsked')}: {neverAsked.join(', ')}
        </p>
      ) : null}
      {refused.length > 0 ? (
        <section aria-labelledby="migrate-refused-heading">
          <h3 id="migrate-refused-heading">{t('migrate.report.refused')}</h3>
          <ul data-testid="migrate-refused">
            {refused.map((e) => (
              <li key={e.seq} data-client={e.client}>
                {say(e.message)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p style={{ display: 'flex', gap: '0.5rem' }}>
        <button type="button" onClick={() => void save('html')}>
          {t('migrate.report.html')}
        </button>
        <button type="button" onClick={() => void save('json')}>
          {t('migrate.report.json')}
        </button>
        <button type="button" className="primary" onClick={onNextPhone}>
          {t('bench.next')}
        </button>
        <button type="button" onClick={onStartOver}>
          {t('bench.newSetup')}
        </button>
      </p>
    </section>
  );
}

