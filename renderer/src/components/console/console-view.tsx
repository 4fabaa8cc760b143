import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../../shared/api/result';
import type { SerialHintEvent, SessionInfo } from '../../../../shared/api/serial';
import { useClient } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { ErrorView } from '../error-view';
import { ConsoleMoves } from './console-moves';
import { ConsoleSearch } from './console-search';
import { ConsoleStatus } from './console-status';
import { ConsoleToolbar, FONT_SIZES, type ViewOptions } from './console-toolbar';
import { HintPanel } from './hint-panel';
import { PasteConfirm } from './paste-confirm';
import { PortForm } from './port-form';
import { TerminalPane, type TerminalHandle } from './terminal-pane';
import { useConsoleInput } from './use-console-input';
import { useConsoleSession } from './use-console-session';
import { usePorts } from './use-ports';
import './console.css';

const FONT_SIZE_KEY = 'phonebench.console.fontSize';

function storedFontSize(): number {
  const n = Number(window.localStorage.getItem(FONT_SIZE_KEY));
  return (FONT_SIZES as readonly number[]).includes(n) ? n : 14;
}

interface Props {
  /** One column (for the migration wizard, beside its timeline). */
  compact?: boolean;
  /** Told about every known failure seen, e.g. to mark the wizard's step. */
  onHint?: (event: SerialHintEvent) => void;
}

/**
 * The phone console: port and line settings, an xterm terminal, controls, a status line and the hint panel.
 * The session is the serial service's (useConsoleSession); this view holds only how it is shown.
 */
export function ConsoleView({ compact = false, onHint }: Props) {
  const client = useClient();
  const { t } = useI18n();
  const [error, setError] = useState<AppError>();
  const [notice, setNotice] = useState<string>();
  /** The console over the whole window (a pop-out without a second window). */
  const [full, setFull] = useState(false);
  const [options, setOptionsState] = useState<ViewOptions>(() => ({ lineEnding: 'cr', localEcho: false, timestamps: 'off', hex: false, fontSize: storedFontSize() }));
  const term = useRef<TerminalHandle>(null);
  const ports = usePorts(setError);
  const consoleSession = useConsoleSession(term, onHint);
  const { session, sessionRef, formatter, recorder, opened } = consoleSession;
  const input = useConsoleInput({ term, sessionRef, recorder, setSnapshot: consoleSession.set, lineEnding: options.lineEnding, localEcho: options.localEcho, setError, setNotice });

  useEffect(() => {
    formatter.current.setOptions({ hex: options.hex, timestamps: options.timestamps });
  }, [formatter, options.hex, options.timestamps]);
  // An adopted session shows its own port and settings in the form.
  const { adopt } = ports;
  const shownId = useRef<string>(undefined);
  useEffect(() => {
    if (!session || session.id === shownId.current) return;
    shownId.current = session.id;
    adopt({ path: session.path, autoReconnect: session.autoReconnect, ...session.settings });
  }, [adopt, session]);

  const setOptions = useCallback((patch: Partial<ViewOptions>) => {
    if (patch.fontSize !== undefined) window.localStorage.setItem(FONT_SIZE_KEY, String(patch.fontSize));
    setOptionsState((o) => ({ ...o, ...patch }));
  }, []);

  const run = async <T,>(action: () => Promise<Result<T>>): Promise<T | undefined> => {
    const result = await action();
    setError(result.ok ? undefined : result.error);
    return result.ok ? result.value : undefined;
  };
  const connect = async () => {
    const info = await run(() => client.request('serial:open', ports.choice));
    if (!info) return;
    opened(info);
    term.current?.focus();
  };
  const withSession = (action: (id: string) => Promise<Result<SessionInfo>>) => {
    const id = sessionRef.current?.id;
    if (!id) return;
    void run(() => action(id)).then((info) => {
      if (info) consoleSession.set((c) => ({ ...c, session: info }));
    });
  };

  const sendBreak = () => withSession((id) => client.request('serial:break', { sessionId: id, durationMs: 250 }));
  const saveLog = () => {
    const blob = new Blob([recorder.current.text()], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `phonebench-console-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const live = session !== undefined && session.state !== 'closed';
  const controls = (
    <>
      <PortForm value={ports.choice} onChange={ports.pick} ports={ports.ports} onRefresh={() => void ports.refresh()} disabled={live} />
      <ConsoleToolbar
        session={session}
        canConnect={ports.choice.path !== ''}
        options={options}
        setOptions={setOptions}
        connect={() => void connect()}
        disconnect={() => withSession((id) => client.request('serial:close', { sessionId: id }))}
        reconnect={() => withSession((id) => client.request('serial:reconnect', { sessionId: id }))}
        sendBreak={sendBreak}
        setLine={(line) => withSession((id) => client.request('serial:set', { sessionId: id, ...line }))}
        clear={() => term.current?.clear()}
        copy={input.copy}
        paste={input.paste}
        saveLog={saveLog}
      />
      <ConsoleMoves
        session={session}
        choice={ports.choice}
        lineEnding={options.lineEnding}
        send={(text) => void input.send(text)}
        applyProfile={(p) => {
          const { name: _name, lineEnding, ...line } = p;
          ports.pick({ ...ports.choice, ...line });
          setOptions({ lineEnding });
        }}
        setError={setError}
      />
    </>
  );
  const classes = ['console-view', compact ? 'compact' : '', full ? 'full' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid="console-view" role={full ? 'dialog' : undefined} aria-label={full ? t('console.heading') : undefined}>
      <div className="console-main">
        <div className="console-toolbar">
          <button type="button" data-testid="console-full" aria-pressed={full} onClick={() => setFull((f) => !f)}>
            {full ? t('moves.full.exit') : t('moves.full')}
          </button>
          {compact ? (
            <button type="button" disabled={session?.state !== 'connected'} title={t('moves.break.keys')} onClick={sendBreak}>
              {t('console.break')}
            </button>
          ) : null}
        </div>
        {compact ? null : controls}
        {error ? <ErrorView error={error} /> : null}
        {notice ? (
          <p className="fix" role="status" data-testid="console-notice">
            {notice}
          </p>
        ) : null}
        {input.pending !== undefined ? <PasteConfirm text={input.pending} onPaste={input.confirmPaste} onCancel={input.cancelPaste} /> : null}
        <TerminalPane ref={term} onInput={input.onInput} label={t('console.heading')} fontSize={options.fontSize} onCopy={input.copy} onBreak={sendBreak} />
        <ConsoleStatus session={session} attempt={consoleSession.attempt} totals={consoleSession.totals} />
        {compact ? (
          // Beside the timeline the terminal comes first; the port and its settings fold away once connected.
          <details open={!live} data-testid="console-controls">
            <summary>{t('moves.controls')}</summary>
            {controls}
            <ConsoleSearch term={term} />
          </details>
        ) : (
          <ConsoleSearch term={term} />
        )}
      </div>
      <HintPanel seen={consoleSession.seen} onDismiss={(id) => consoleSession.set((c) => ({ ...c, seen: c.seen.filter((h) => h.hintId !== id) }))} />
    </div>
  );
}
