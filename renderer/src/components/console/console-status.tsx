import type { SessionInfo } from '../../../../shared/api/serial';
import { useI18n } from '../../i18n/i18n';
import { formatBytes } from './console-format';

interface Props {
  session: SessionInfo | undefined;
  attempt: number | undefined;
  totals: { bytesIn: number; bytesOut: number };
}

/** The line under the terminal: state, port and settings, bytes each way, since when, the log file. */
export function ConsoleStatus({ session, attempt, totals }: Props) {
  const { t, say } = useI18n();
  const state = session?.state;
  const s = session?.settings;
  return (
    <p className="console-status" role="status" data-testid="console-status">
      <span className={`badge state-${state ?? 'none'}`} data-testid="console-state" data-state={state ?? 'none'}>
        {t(`console.state.${state ?? 'none'}`)}
        {state === 'reconnecting' && attempt ? ` (${t('console.status.attempt', { attempt })})` : ''}
      </span>
      {session && s ? (
        <span>
          {session.label ? `${say(session.label)} (${session.path})` : session.path} {s.baud} {s.dataBits}
          {s.parity[0]?.toUpperCase()}
          {s.stopBits}
        </span>
      ) : null}
      <span data-testid="console-bytes-in">{t('console.status.in', { bytes: formatBytes(totals.bytesIn) })}</span>
      <span>{t('console.status.out', { bytes: formatBytes(totals.bytesOut) })}</span>
      {state === 'connected' && session?.connectedSince ? (
        <span>{t('console.status.since', { time: new Date(session.connectedSince).toLocaleTimeString() })}</span>
      ) : null}
      {session ? <span>{t('console.status.logFile', { file: session.logFile })}</span> : null}
      {session?.logError ? <span className="state-unplugged">{t('console.status.logError', { error: session.logError })}</span> : null}
    </p>
  );
}
