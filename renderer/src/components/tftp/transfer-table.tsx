import { useI18n } from '../../i18n/i18n';
import type { TransferRow } from '../../../../shared/api/tftp';
import { humanBytes, percent } from './transfers-state';

/**
 * Live transfers with a progress bar each, and Tftpd64's columns: start time, time taken, block size, retries.
 * Only a running transfer of unknown size gets a moving (indeterminate) bar; a row that ended never moves.
 */
export function TransferTable({ rows }: { rows: TransferRow[] }) {
  const { t, say, language } = useI18n();
  const clock = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (rows.length === 0) return <p>{t('tftp.transfers.none')}</p>;
  return (
    <table className="tftp-transfers" data-testid="tftp-transfers">
      <thead>
        <tr>
          <th>{t('tftpx.col.started')}</th>
          <th>{t('tftp.col.phone')}</th>
          <th>{t('tftp.col.file')}</th>
          <th>{t('tftp.col.progress')}</th>
          <th>{t('tftp.col.rate')}</th>
          <th>{t('tftpx.col.took')}</th>
          <th>{t('tftpx.col.blksize')}</th>
          <th>{t('tftpx.col.retries')}</th>
          <th>{t('tftp.col.state')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const pct = percent(row);
          const name = row.served && row.served !== row.filename ? `${row.filename} → ${row.served}` : row.filename;
          return (
            <tr key={row.id} data-state={row.state} data-client={row.client}>
              <td data-col="started">{clock.format(new Date(row.at))}</td>
              <td>{row.client}</td>
              <td>
                <code>{name}</code>
              </td>
              <td>
                {row.state === 'refused' ? null : (
                  <>
                    <progress max={100} value={row.state === 'running' ? pct : (pct ?? 0)} aria-label={t('tftp.col.progress')} /> {humanBytes(row.bytes)}
                    {row.totalBytes ? ` / ${humanBytes(row.totalBytes)}` : ''}
                  </>
                )}
              </td>
              <td>{row.state === 'running' || row.state === 'done' ? `${humanBytes(row.bytesPerSecond)}/s` : ''}</td>
              <td data-col="took">{row.durationMs === undefined ? '' : `${(row.durationMs / 1000).toFixed(2)} s`}</td>
              <td data-col="blksize">{row.blksize ?? ''}</td>
              <td data-col="retries">{row.retries ?? ''}</td>
              <td>
                <span className={`badge ${row.state === 'done' ? 'ok' : row.state === 'failed' || row.state === 'refused' ? 'bad' : 'warn'}`}>
                  {t(`tftp.transfer.${row.state}`)}
                </span>
                {row.why ? ` ${say(row.why)}` : row.refusal ? ` ${t(`tftp.refusal.${row.refusal}`)}` : row.detail ? ` ${row.detail}` : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
