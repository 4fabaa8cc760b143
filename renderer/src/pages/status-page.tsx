import { useCallback, useEffect, useState } from 'react';
import type { AppStatus, ServiceStatus } from '../../../shared/api/app';
import type { EngineLogView } from '../../../shared/api/engine-log';
import type { AppError } from '../../../shared/api/result';
import { useClient, useEvent, useReconnected } from '../api/client-context';
import { ErrorView } from '../components/error-view';
import { formatDateTime } from '../../../shared/i18n/format-date';
import { useI18n } from '../i18n/i18n';

/** Services the catalogue names in words; another shows as its id. */
const SERVICE_NAMES = new Set(['migrate', 'serial', 'sim', 'tftp', 'dhcp', 'syslog']);

/** The engine's version, data folder and services, live. The pattern every page follows. */
export function StatusPage() {
  const client = useClient();
  const { t, say, language } = useI18n();
  const [status, setStatus] = useState<AppStatus>();
  const [error, setError] = useState<AppError>();
  const [log, setLog] = useState<EngineLogView>();

  const refresh = useCallback(async () => {
    const [result, logged] = await Promise.all([client.request('app:status', {}), client.request('app:log', { limit: 10 })]);
    if (result.ok) {
      setStatus(result.value);
      setError(undefined);
    } else setError(result.error);
    if (logged.ok) setLog(logged.value);
  }, [client]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  // What changed while the socket was down never arrived as events: ask again.
  useReconnected(() => void refresh());

  const onService = useCallback((service: ServiceStatus) => {
    setStatus((current) =>
      current && { ...current, services: [...current.services.filter((s) => s.name !== service.name), service] },
    );
  }, []);
  useEvent('service:state', onService);

  return (
    <section aria-labelledby="status-heading">
      <h1 id="status-heading">{t('app.status.heading')}</h1>
      {error ? <ErrorView error={error} /> : null}
      {status ? (
        <>
          <dl className="facts" data-testid="status-facts">
            <dt>{t('app.status.version')}</dt>
            <dd data-testid="status-version">{status.version}</dd>
            <dt>{t('app.status.host')}</dt>
            <dd>{t(`app.status.host.${status.host}`)}</dd>
            <dt>{t('app.status.platform')}</dt>
            <dd>{status.platform}</dd>
            <dt>{t('app.status.dataDir')}</dt>
            <dd>
              <code>{status.dataDir}</code>
            </dd>
          </dl>
          {status.settingsNotice ? (
            <p role="status" className="notice">
              <strong>{t('app.settings.corrupt')}:</strong> {say(status.settingsNotice)}
            </p>
          ) : null}
          <h2>{t('app.status.services')}</h2>
          {status.services.length === 0 ? (
            <p>{t('app.status.noServices')}</p>
          ) : (
            <table data-testid="status-services">
              <thead>
                <tr>
                  <th>{t('app.status.service')}</th>
                  <th>{t('app.status.state')}</th>
                  <th>{t('app.status.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {[...status.services]
                  .sort((a, b) => a.name.localeCompare(b.name))
                  .map((service) => (
                    <tr key={service.name}>
                      <td title={service.name}>{SERVICE_NAMES.has(service.name) ? t(`app.service.${service.name}`) : service.name}</td>
                      <td>
                        <span className={`badge state-${service.state}`}>{t(`app.state.${service.state}`)}</span>
                      </td>
                      <td>{service.detail ? say(service.detail) : ''}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      {log ? (
        <>
          <h2>{t('app.status.log')}</h2>
          <p>
            {t('app.status.logFile')} <code data-testid="status-log-file">{log.file}</code>
          </p>
          {log.entries.length === 0 ? (
            <p>{t('app.status.logEmpty')}</p>
          ) : (
            <table data-testid="status-log">
              <thead>
                <tr>
                  <th>{t('app.status.logWhen')}</th>
                  <th>{t('app.status.logWhere')}</th>
                  <th>{t('app.status.logWhat')}</th>
                </tr>
              </thead>
              <tbody>
                {[...log.entries].reverse().map((entry, i) => (
                  <tr key={`${entry.at}-${i}`}>
                    <td>{formatDateTime(language, entry.at)}</td>
                    <td>{entry.area}</td>
                    <td>
                      {entry.action}: <code>{entry.detail}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      <button type="button" onClick={() => void refresh()}>
        {t('app.status.refresh')}
      </button>
    </section>
  );
}
