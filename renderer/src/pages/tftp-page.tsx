import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/api/result';
import type { TftpEvent, TftpInterface, TftpLogLine, TftpStatus, TransferRow } from '../../../shared/api/tftp';
import { useClient, useEvent, useReconnected } from '../api/client-context';
import { ErrorView } from '../components/error-view';
import { LogView } from '../components/tftp/log-view';
import { StartForm, type StartValues } from '../components/tftp/start-form';
import { SyslogPanel } from '../components/syslog/syslog-panel';
import { TftpRootPanel } from '../components/tftp/root-view';
import { TransferTable } from '../components/tftp/transfer-table';
import { upsertRow } from '../components/tftp/transfers-state';
import { useI18n } from '../i18n/i18n';
import '../components/tftp/tftp.css';

const LOG_KEEP = 1000;

/** The TFTP server: state, root, address, start/stop, live transfers and the log (both kept by the engine). */
export function TftpPage() {
  const client = useClient();
  const { t } = useI18n();
  const [status, setStatus] = useState<TftpStatus>();
  const [interfaces, setInterfaces] = useState<TftpInterface[]>([]);
  const [rows, setRows] = useState<TransferRow[]>([]);
  const [log, setLog] = useState<TftpLogLine[]>([]);
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  const last = useRef<Partial<StartValues>>({});

  const refresh = useCallback(async () => {
    const [s, ifs, recent, table] = await Promise.all([
      client.request('tftp:status', {}),
      client.request('tftp:interfaces', {}),
      client.request('tftp:log', {}),
      client.request('tftp:transfers', {}),
    ]);
    if (s.ok) setStatus(s.value);
    if (ifs.ok) setInterfaces(ifs.value);
    if (recent.ok) setLog(recent.value.slice(-LOG_KEEP));
    if (table.ok) setRows(table.value);
  }, [client]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useReconnected(() => void refresh());

  useEvent('tftp:row', useCallback((row: TransferRow) => setRows((current) => upsertRow(current, row)), []));
  useEvent(
    'tftp:cleared',
    useCallback((left: TransferRow[]) => {
      setRows(left);
      setLog([]);
    }, []),
  );

  const onTransfer = useCallback(
    (e: TftpEvent) => {
      if (e.type === 'listening' || e.type === 'stopped' || e.type === 'completed' || e.type === 'failed') {
        void client.request('tftp:status', {}).then((s) => s.ok && setStatus(s.value));
      }
    },
    [client],
  );
  useEvent('tftp:transfer', onTransfer);
  const onLog = useCallback((line: TftpLogLine) => setLog((current) => [...current.slice(-(LOG_KEEP - 1)), line]), []);
  useEvent('tftp:log', onLog);

  const start = async (v: StartValues) => {
    last.current = v;
    setBusy(true);
    const result = await client.request('tftp:start', {
      address: v.address,
      port: v.port,
      root: v.root,
      allowAll: v.allowAll,
      ...(v.allowAll || v.phone === '' ? {} : { allow: [v.phone] }),
      ...(v.uploadDir ? { uploadDir: v.uploadDir } : {}),
    });
    setBusy(false);
    if (result.ok) {
      setStatus(result.value);
      setError(undefined);
    } else setError(result.error);
  };

  const stop = async () => {
    setBusy(true);
    const result = await client.request('tftp:stop', {});
    setBusy(false);
    if (result.ok) setStatus(result.value);
    else setError(result.error);
  };

  const clear = async () => {
    const result = await client.request('tftp:clear', {});
    if (result.ok) {
      setRows(result.value);
      setLog([]);
    } else setError(result.error);
  };

  const saveLog = () => {
    const blob = new Blob([log.map((l) => `${l.text}\n`).join('')], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `phonebench-tftp-${new Date().toISOString().replace(/[:.]/g, '-')}.log`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const running = status?.state === 'running';
  return (
    <section aria-labelledby="tftp-heading">
      <h1 id="tftp-heading">{t('tftp.heading')}</h1>
      {error ? <ErrorView error={error} /> : null}
      <dl className="facts" data-testid="tftp-status">
        <dt>{t('tftp.state')}</dt>
        <dd>
          <span className={`badge state-${running ? 'running' : 'stopped'}`}>{t(running ? 'tftp.state.running' : 'tftp.state.stopped')}</span>
        </dd>
        {running ? (
          <>
            <dt>{t('tftp.address')}</dt>
            <dd>
              <code>
                {status.address}:{status.port}
              </code>
            </dd>
            <dt>{t('tftp.root')}</dt>
            <dd>
              <code>{status.root}</code>
            </dd>
            <dt>{t('tftp.serves')}</dt>
            <dd>{status.allow ? status.allow.join(', ') : t('tftp.serves.everyone')}</dd>
            <dt>{t('tftp.active')}</dt>
            <dd>{status.activeTransfers}</dd>
          </>
        ) : null}
      </dl>
      {running ? (
        <button type="button" onClick={() => void stop()} disabled={busy} data-testid="tftp-stop">
          {t('tftp.stop')}
        </button>
      ) : interfaces.length > 0 ? (
        <StartForm interfaces={interfaces} busy={busy} initial={last.current} onStart={(v) => void start(v)} />
      ) : null}
      <TftpRootPanel running={running} />
      <h2>{t('tftp.transfers')}</h2>
      <TransferTable rows={rows} />
      <h2>{t('tftp.log')}</h2>
      <p className="tftp-toolbar">
        <button type="button" onClick={() => void clear()} data-testid="tftp-clear">
          {t('tftp.log.clear')}
        </button>{' '}
        <button type="button" onClick={saveLog} disabled={log.length === 0} data-testid="tftp-save-log">
          {t('tftp.log.save')}
        </button>
      </p>
      <LogView lines={log} />
      <SyslogPanel addresses={interfaces.map((i) => i.address)} />
    </section>
  );
}
