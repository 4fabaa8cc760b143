import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/api/result';
import type { SyslogLine, SyslogStatus } from '../../../../shared/api/syslog';
import { useClient, useEvent, useReconnected } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { ErrorView } from '../error-view';

const KEEP = 500;

export interface SyslogPanelProps {
  /** Addresses to bind (the TFTP page's interfaces); the first is chosen at first. */
  addresses: string[];
  /** The phone's IP, when the page knows it (a migration run does). */
  phoneIp?: string;
}

/**
 * The Syslog receiver: start it for one phone, watch its lines (already escaped by the engine) and the
 * refusals. A component the TFTP page shows, and the Migrate run can place beside its timeline.
 */
export function SyslogPanel({ addresses, phoneIp }: SyslogPanelProps) {
  const client = useClient();
  const { t, language } = useI18n();
  const [status, setStatus] = useState<SyslogStatus>();
  const [lines, setLines] = useState<SyslogLine[]>([]);
  const [error, setError] = useState<AppError>();
  const [address, setAddress] = useState(addresses[0] ?? '127.0.0.1');
  const [port, setPort] = useState('514');
  const [phone, setPhone] = useState(phoneIp ?? '');

  const read = useCallback(async () => {
    const [s, l] = await Promise.all([client.request('syslog:status', {}), client.request('syslog:lines', { limit: KEEP })]);
    if (s.ok) setStatus(s.value);
    if (l.ok) setLines(l.value);
  }, [client]);
  useEffect(() => {
    void read();
  }, [read]);
  useReconnected(() => void read());
  useEvent('syslog:status', setStatus);
  useEvent(
    'syslog:lines',
    useCallback((batch: SyslogLine[]) => setLines((current) => [...current, ...batch].slice(-KEEP)), []),
  );
  useEffect(() => {
    if (!addresses.includes(address) && addresses[0]) setAddress(addresses[0]);
  }, [addresses, address]);

  const start = async () => {
    const r = await client.request('syslog:start', { address, port: Number(port), ...(phone.trim() ? { allow: [phone.trim()] } : {}) });
    if (r.ok) {
      setStatus(r.value);
      setLines([]);
      setError(undefined);
    } else setError(r.error);
  };
  const stop = async () => {
    const r = await client.request('syslog:stop', {});
    if (r.ok) setStatus(r.value);
  };

  const running = status?.state === 'running';
  const clock = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <section aria-labelledby="syslog-heading" data-testid="syslog-panel">
      <h2 id="syslog-heading">{t('syslogui.heading')}</h2>
      <p>{t('syslogui.intro')}</p>
      {error ? <ErrorView error={error} /> : null}
      {running ? (
        <>
          <p data-testid="syslog-status">
            <span className="badge ok">{t('syslogui.state.running', { address: status.address ?? '', port: status.port ?? 0 })}</span>{' '}
            {t('syslogui.counts', { received: status.received, refused: status.refused, dropped: status.dropped })}
            {status.lastRefusedFrom ? ` (${t('syslogui.lastRefused', { address: status.lastRefusedFrom })})` : ''}
          </p>
          <p className="notice">{t('syslogui.setting', { address: status.address ?? '', port: status.port ?? 0 })}</p>
          <button type="button" onClick={() => void stop()} data-testid="syslog-stop">
            {t('syslogui.stop')}
          </button>
        </>
      ) : (
        <form
          className="tftp-form"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <label>
            {t('syslogui.address')}
            <select value={address} onChange={(e) => setAddress(e.target.value)} data-testid="syslog-address">
              {addresses.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('syslogui.port')}
            <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} data-testid="syslog-port" />
          </label>
          <label>
            {t('syslogui.phone')}
            <input value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="syslog-phone" />
          </label>
          <button type="submit" className="primary" data-testid="syslog-start">
            {t('syslogui.start')}
          </button>
        </form>
      )}
      <pre className="tftp-log" data-testid="syslog-lines">
        {lines.length === 0
          ? t('syslogui.empty')
          : lines.map((l) => `${clock.format(new Date(l.at))} ${l.from} ${l.severity ?? '-'} ${l.app ? `${l.app}: ` : ''}${l.text}\n`).join('')}
      </pre>
    </section>
  );
}
