import { useCallback, useState } from 'react';
import type { AppError } from '../../../../shared/api/result';
import { MAX_WRITE_BYTES, type ConsoleProfile, type SerialSendEvent, type SessionInfo } from '../../../../shared/api/serial';
import { useClient, useEvent } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { formatBytes, translateEnter, type LineEnding } from './console-format';
import type { PortChoice } from './port-form';
import { useConsoleSettings } from './use-console-settings';

interface Props {
  session: SessionInfo | undefined;
  choice: PortChoice;
  lineEnding: LineEnding;
  /** Sends text as typed (Enter already translated). */
  send: (text: string) => void;
  applyProfile: (profile: ConsoleProfile) => void;
  setError: (error: AppError | undefined) => void;
}

/** Send file, saved macros and saved session profiles: what Tera Term and PuTTY users reach for. */
export function ConsoleMoves({ session, choice, lineEnding, send, applyProfile, setError }: Props) {
  const { t } = useI18n();
  const client = useClient();
  const saved = useConsoleSettings();
  const connected = session?.state === 'connected';
  const [pace, setPace] = useState(100);
  const [progress, setProgress] = useState<string>();
  const [sending, setSending] = useState(false);
  const [macroName, setMacroName] = useState('');
  const [macroText, setMacroText] = useState('');
  const [profileName, setProfileName] = useState('');

  useEvent(
    'serial:send',
    useCallback(
      (e: SerialSendEvent) => {
        if (e.sessionId !== session?.id) return;
        setSending(e.state === 'sending');
        const key = e.state === 'sending' ? 'moves.sendFile.sending' : e.state === 'done' ? 'moves.sendFile.done' : 'moves.sendFile.stopped';
        setProgress(t(key, { name: e.name, line: e.line, total: e.total }));
      },
      [session?.id, t],
    ),
  );

  const sendFile = async (file: File) => {
    if (!session) return;
    if (file.size > MAX_WRITE_BYTES) return setProgress(t('moves.sendFile.tooBig', { name: file.name, size: formatBytes(file.size), limit: formatBytes(MAX_WRITE_BYTES) }));
    const text = await file.text();
    if (text.includes('\0')) return setProgress(t('moves.sendFile.notText', { name: file.name }));
    const r = await client.request('serial:send-text', { sessionId: session.id, name: file.name, text, lineDelayMs: pace, lineEnding });
    setError(r.ok ? undefined : r.error);
    if (r.ok) setSending(true);
  };
  const saveResult = (r: { ok: true } | { ok: false; error: AppError }) => setError(r.ok ? undefined : r.error);

  return (
    <div className="console-moves" data-testid="console-moves">
      <div className="console-row">
        <label>
          {t('moves.sendFile')}
          <input
            type="file"
            accept=".txt,.cfg,.cnf,text/plain"
            data-testid="console-send-file"
            disabled={!connected || sending}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void sendFile(file);
            }}
          />
        </label>
        <label>
          {t('moves.sendFile.pace')}
          <input type="number" min={0} max={5000} step={10} value={pace} onChange={(e) => setPace(Math.max(0, Math.min(5000, Math.round(Number(e.target.value) || 0))))} style={{ width: '6rem' }} />
        </label>
        {sending && session ? (
          <button type="button" onClick={() => void client.request('serial:send-stop', { sessionId: session.id })}>
            {t('moves.sendFile.stop')}
          </button>
        ) : null}
      </div>
      {progress ? (
        <p className="fix" role="status" data-testid="console-send-progress">
          {progress}
        </p>
      ) : null}
      <details>
        <summary>{t('moves.macros')}</summary>
        {saved.macros.length === 0 ? <p className="fix">{t('moves.macros.none')}</p> : null}
        <ul data-testid="console-macros">
          {saved.macros.map((m, i) => (
            <li key={`${m.name}-${i}`}>
              <button type="button" disabled={!connected} onClick={() => send(translateEnter(asLines(m.text), lineEnding))}>
                {t('moves.macros.send')}: {m.name}
              </button>{' '}
              <span className="badge">{t('moves.macros.user')}</span> <code>{m.text}</code>{' '}
              <button type="button" onClick={() => void saved.save({ macros: saved.macros.filter((_, j) => j !== i) }).then(saveResult)}>
                {t('moves.macros.delete')}
              </button>
            </li>
          ))}
        </ul>
        <div className="console-row">
          <label>
            {t('moves.macros.name')}
            <input value={macroName} maxLength={40} onChange={(e) => setMacroName(e.target.value)} />
          </label>
          <label>
            {t('moves.macros.text')}
            <textarea value={macroText} maxLength={2000} rows={2} onChange={(e) => setMacroText(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={!macroName.trim() || !macroText}
            onClick={() =>
              void saved.save({ macros: [...saved.macros, { name: macroName.trim(), text: macroText }] }).then((r) => {
                saveResult(r);
                if (r.ok) {
                  setMacroName('');
                  setMacroText('');
                }
              })
            }
          >
            {t('moves.macros.save')}
          </button>
        </div>
      </details>
      <details>
        <summary>{t('moves.profiles')}</summary>
        {saved.profiles.length === 0 ? <p className="fix">{t('moves.profiles.none')}</p> : null}
        <ul data-testid="console-profiles">
          {saved.profiles.map((p, i) => (
            <li key={`${p.name}-${i}`}>
              <strong>{p.name}</strong>{' '}
              {t('moves.profiles.summary', { path: p.path, baud: p.baud, frame: `${p.dataBits}${p.parity[0]?.toUpperCase() ?? 'N'}${p.stopBits}`, ending: t(`console.lineEnding.${p.lineEnding}`) })}{' '}
              <button type="button" disabled={session !== undefined && session.state !== 'closed'} onClick={() => applyProfile(p)}>
                {t('moves.profiles.use')}
              </button>{' '}
              <button type="button" onClick={() => void saved.save({ profiles: saved.profiles.filter((_, j) => j !== i) }).then(saveResult)}>
                {t('moves.profiles.delete')}
              </button>
            </li>
          ))}
        </ul>
        <div className="console-row">
          <label>
            {t('moves.profiles.name')}
            <input value={profileName} maxLength={40} onChange={(e) => setProfileName(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={!profileName.trim() || !choice.path}
            onClick={() => {
              const { autoReconnect: _notSaved, ...line } = choice;
              const profile: ConsoleProfile = { ...line, name: profileName.trim(), lineEnding };
              void saved.save({ profiles: [...saved.profiles.filter((p) => p.name !== profile.name), profile] }).then((r) => {
                saveResult(r);
                if (r.ok) setProfileName('');
              });
            }}
          >
            {t('moves.profiles.save')}
          </button>
        </div>
      </details>
    </div>
  );
}

/** A macro's text as typed lines: each line ends with Enter, the last one too. */
function asLines(text: string): string {
  const lines = text.replace(/\r\n|\n/g, '\r');
  return lines.endsWith('\r') ? lines : `${lines}\r`;
}
