import { useCallback, useEffect, useRef, useState } from 'react';
import type { TftpRootView } from '../../../../shared/api/tftp';
import { useClient, useEvent, useReconnected } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { humanBytes } from './transfers-state';

/**
 * The TFTP root as Tftpd64 shows it, with each file's state for the phone: sent, asked (never sent whole) or
 * never asked; and the names asked for that the root lacks. Read again (at most every half second) as rows change.
 */
export function TftpRootPanel({ running }: { running: boolean }) {
  const client = useClient();
  const { t } = useI18n();
  const [view, setView] = useState<TftpRootView>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const read = useCallback(async () => {
    const r = await client.request('tftp:root', {});
    if (r.ok) setView(r.value);
  }, [client]);
  const soon = useCallback(() => {
    timer.current ??= setTimeout(() => {
      timer.current = undefined;
      void read();
    }, 500);
  }, [read]);

  useEffect(() => {
    void read();
    return () => clearTimeout(timer.current);
  }, [read, running]);
  useReconnected(() => void read());
  useEvent('tftp:row', soon);
  useEvent('tftp:cleared', soon);

  if (!running || !view?.root) return null;
  return (
    <section aria-labelledby="tftp-root-heading" data-testid="tftp-root-view">
      <h2 id="tftp-root-heading">{t('tftpx.root.heading')}</h2>
      <p>{t('tftpx.root.intro')}</p>
      {view.files.length === 0 ? (
        <p>{t('tftpx.root.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('tftpx.root.file')}</th>
              <th scope="col">{t('tftpx.root.size')}</th>
              <th scope="col">{t('tftpx.root.state')}</th>
              <th scope="col">{t('tftpx.root.requests')}</th>
            </tr>
          </thead>
          <tbody>
            {view.files.map((f) => (
              <tr key={f.name} data-file={f.name} data-state={f.state}>
                <td>
                  <code>{f.name}</code>
                </td>
                <td>{humanBytes(f.size)}</td>
                <td>
                  <span className={`badge ${f.state === 'sent' ? 'ok' : f.state === 'asked' ? 'warn' : ''}`}>{t(`tftpx.root.state.${f.state}`)}</span>
                </td>
                <td>{f.requests}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.missing.length > 0 ? (
        <p className="notice" data-testid="tftp-root-missing">
          {t('tftpx.root.missing', { names: view.missing.map((m) => `${m.name} (${m.requests})`).join(', ') })}
        </p>
      ) : null}
      {view.truncated ? <p className="fix">{t('tftpx.root.truncated')}</p> : null}
    </section>
  );
}
