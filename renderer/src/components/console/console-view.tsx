import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/api/result';
import {
  DEFAULT_LINE_SETTINGS,
  type PortList,
  type SerialReplay,
  type SessionState,
  type SerialDataEvent,
  type SerialHintEvent,
  type SerialStateEvent,
  type SessionInfo,
} from '../../../../shared/api/serial';
import { useClient, useEvent, useReconnected } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { ErrorView } from '../error-view';
import { HintPanel, type SeenHint } from './hint-panel';
import { PortForm, type PortChoice } from './port-form';
import {
  base64ToBytes,
  ConsoleLogRecorder,
  echoText,
  formatBytes,
  LINE_ENDINGS,
  TerminalFormatter,
  TIMESTAMP_MODES,
  osErrorKey,
  translateEnter,
  type LineEnding,
  type TimestampMode,
} from './console-format';
import { TerminalPane, type TerminalHandle } from './terminal-pane';
import './console.css';

/** Characters per write request when pasting (UTF-8 makes at most 3 bytes of each). */
const WRITE_PIECE_CHARS = 16 * 1024;

export const FONT_SIZES = [10, 12, 14, 16, 18, 20, 24] as const;
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

/** The phone console: port and line settings, an xterm terminal, controls, a status line and the hint panel. */
export function ConsoleView({ compact = false, onHint }: Props) {
  const client = useClient();
  const { t, say } = useI18n();
  const [ports, setPorts] = useState<PortList>();
  const [choice, setChoice] = useState<PortChoice>({ path: '', autoReconnect: true, ...DEFAULT_LINE_SETTINGS });
  const choiceTouched = useRef(false);
  const [session, setSession] = useState<SessionInfo>();
  const [attempt, setAttempt] = useState<number>();
  const [totals, setTotals] = useState({ bytesIn: 0, bytesOut: 0 });
  const [seen, setSeen] = useState<SeenHint[]>([]);
  const [error, setError] = useState<AppError>();
  const [lineEnding, setLineEnding] = useState<LineEnding>('cr');
  const [localEcho, setLocalEcho] = useState(false);
  const [timestamps, setTimestamps] = useState<TimestampMode>('off');
  const [hex, setHex] = useState(false);
  const [search, setSearch] = useState('');
  const [fontSize, setFontSize] = useState(storedFontSize);
  const [notice, setNotice] = useState<string>();

  const term = useRef<TerminalHandle>(null);
  const sessionRef = useRef<SessionInfo | undefined>(undefined);
  sessionRef.current = session;
  const formatter = useRef(new TerminalFormatter({ hex: false, timestamps: 'off' }));
  const recorder = useRef(new ConsoleLogRecorder());
  /** Bytes already shown by the last replay: live batches up to this total are not shown twice. */
  const replayedIn = useRef(0);
  const writes = useRef<Promise<void>>(Promise.resolve());
  const notConnectedShown = useRef(false);
  const onHintRef = useRef(onHint);
  onHintRef.current = onHint;

  useEffect(() => {
    formatter.current.setOptions({ hex, timestamps });
  }, [hex, timestamps]);

  /** A state change as the terminal shows it; an OS error gets a plain sentence and a fix before its raw text. */
  const stateText = useCallback(
    (state: SessionState, detail: string | undefined) => {
      const what = t(`console.state.${state}`);
      if (!detail) return what;
      const key = osErrorKey(detail);
      return key ? `${what}: ${t(key)} ${t(`${key}.fix`)} (${t('console.os.said', { raw: detail })})` : `${what}: ${detail}`;
    },
    [t],
  );

  /** Shows an open session's recent screen and hints again (the engine keeps them; this page may be new). */
  const adopt = useCallback(
    async (sessionId: string) => {
      const result = await client.request('serial:replay', { sessionId });
      if (!result.ok) return;
      const replay: SerialReplay = result.value;
      term.current?.reset();
      formatter.current.reset();
      recorder.current.clear();
      const columns = term.current?.columns() ?? 80;
      let shown = '';
      for (const entry of replay.entries) {
        const at = new Date(entry.at);
        if (entry.kind === 'in' && entry.data) {
          const bytes = base64ToBytes(entry.data);
          recorder.current.received(bytes, at);
          shown += formatter.current.format(bytes, at, columns);
        } else if (entry.kind === 'out' && entry.data) {
          recorder.current.sent(new TextDecoder().decode(base64ToBytes(entry.data)), at);
        } else if (entry.kind === 'hidden') {
          recorder.current.note(t('console.log.hidden', { bytes: entry.bytes ?? 0 }), at);
        } else if (entry.kind === 'state' && entry.state && (entry.state !== 'connected' || entry.detail)) {
          const text = stateText(entry.state, entry.detail);
          recorder.current.note(text, at);
          shown += `\r\n\x1b[33m[${text}]\x1b[0m\r\n`;
        }
      }
      if (replay.droppedBytes > 0) shown = `\x1b[2m[${t('console.replay.dropped', { bytes: formatBytes(replay.droppedBytes) })}]\x1b[22m\r\n${shown}`;
      term.current?.write(shown);
      replayedIn.current = replay.session.bytesIn;
      const seenHints: SeenHint[] = [];
      for (const h of replay.hints) {
        const previous = seenHints.find((x) => x.hintId === h.hintId);
        const entry = { hintId: h.hintId, count: (previous?.count ?? 0) + 1, lastAt: h.at, excerpt: h.excerpt };
        seenHints.splice(0, seenHints.length, entry, ...seenHints.filter((x) => x.hintId !== h.hintId));
      }
      setSeen(seenHints);
      setSession(replay.session);
      setTotals({ bytesIn: replay.session.bytesIn, bytesOut: replay.session.bytesOut });
      setChoice({ path: replay.session.path, autoReconnect: replay.session.autoReconnect, ...replay.session.settings });
    },
    [client, stateText, t],
  );

  const refreshPorts = useCallback(async () => {
    const result = await client.request('serial:list', {});
    if (!result.ok) return setError(result.error);
    setPorts(result.value);
    // Pre-select the first port only until the technician picks one: a late list must not undo their choice.
    setChoice((current) =>
      choiceTouched.current || current.path || !result.value.ports[0] ? current : { ...current, path: result.value.ports[0].path },
    );
  }, [client]);
  const pickChoice = useCallback((next: PortChoice) => {
    choiceTouched.current = true;
    setChoice(next);
  }, []);

  // Adopt a console that is already open (the UI holds ids; the engine holds the port and its recent screen).
  const adoptOpen = useCallback(
    (force: boolean) => {
      void client.request('serial:sessions', {}).then((result) => {
        const current = sessionRef.current;
        const open = result.ok ? (result.value.find((s) => s.id === current?.id && s.state !== 'closed') ?? result.value.find((s) => s.state !== 'closed')) : undefined;
        if (open && (force || !current || current.state === 'closed')) void adopt(open.id);
      });
    },
    [adopt, client],
  );
  useEffect(() => {
    void refreshPorts();
    adoptOpen(false);
  }, [adoptOpen, refreshPorts]);
  // Events sent while the socket was down are gone: show the engine's copy again.
  useReconnected(() => {
    void refreshPorts();
    adoptOpen(true);
  });

  const onData = useCallback((event: SerialDataEvent) => {
    if (event.sessionId !== sessionRef.current?.id || event.bytesIn <= replayedIn.current) return;
    const bytes = base64ToBytes(event.data);
    const now = new Date();
    recorder.current.received(bytes, now);
    term.current?.write(formatter.current.format(bytes, now, term.current.columns()));
    setTotals({ bytesIn: event.bytesIn, bytesOut: event.bytesOut });
  }, []);
  useEvent('serial:data', onData);

  const onState = useCallback(
    (event: SerialStateEvent) => {
      if (event.sessionId !== sessionRef.current?.id) return;
      setSession(event.session);
      setAttempt(event.attempt);
      if (event.state === 'connected') notConnectedShown.current = false;
      if (event.state !== 'connected' || event.detail) {
        const text = stateText(event.state, event.detail);
        recorder.current.note(text, new Date(event.at));
        term.current?.write(`\r\n\x1b[33m[${text}]\x1b[0m\r\n`);
      }
      // A virtual port (the demo's phone) is gone for good once closed: do not offer it again.
      if (event.state === 'closed' && event.session.label !== undefined) {
        choiceTouched.current = false;
        setChoice((current) => ({ ...current, path: '' }));
        void refreshPorts();
      }
    },
    [refreshPorts, stateText],
  );
  useEvent('serial:state', onState);

  const onHintEvent = useCallback((event: SerialHintEvent) => {
    if (event.sessionId !== sessionRef.current?.id) return;
    setSeen((current) => {
      const previous = current.find((h) => h.hintId === event.hintId);
      const entry = { hintId: event.hintId, count: (previous?.count ?? 0) + 1, lastAt: event.at, excerpt: event.excerpt };
      return [entry, ...current.filter((h) => h.hintId !== event.hintId)];
    });
    onHintRef.current?.(event);
  }, []);
  useEvent('serial:hint', onHintEvent);

  const run = useCallback(async <T,>(action: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>) => {
    const result = await action();
    if (result.ok) {
      setError(undefined);
      return result.value;
    }
    setError(result.error);
    return undefined;
  }, []);

  const connect = async () => {
    const opened = await run(() => client.request('serial:open', choice));
    if (!opened) return;
    formatter.current.reset();
    replayedIn.current = 0;
    setSession(opened);
    setAttempt(undefined);
    setTotals({ bytesIn: 0, bytesOut: 0 });
    term.current?.focus();
  };

  const withSession = (action: (id: string) => Promise<{ ok: true; value: SessionInfo } | { ok: false; error: AppError }>) => {
    const id = sessionRef.current?.id;
    if (!id) return;
    void run(() => action(id)).then((info) => {
      if (info) setSession(info);
    });
  };

  const onInput = useCallback(
    (data: string) => {
      const current = sessionRef.current;
      if (!current || current.state !== 'connected') {
        // Say once per burst why keys go nowhere, instead of swallowing them silently.
        if (!notConnectedShown.current) term.current?.write(`\r\n\x1b[33m[${t('console.notConnected')}]\x1b[0m\r\n`);
        notConnectedShown.current = true;
        return;
      }
      notConnectedShown.current = false;
      if (localEcho) term.current?.write(echoText(data));
      const text = translateEnter(data, lineEnding);
      // A big paste goes in pieces, in order; each piece stays far below the write limit.
      for (let at = 0; at < text.length; at += WRITE_PIECE_CHARS) {
        const piece = text.slice(at, at + WRITE_PIECE_CHARS);
        writes.current = writes.current.then(async () => {
          const result = await client.request('serial:write', { sessionId: current.id, data: piece, encoding: 'utf8' });
          if (!result.ok) return setError(result.error);
          if (result.value.hidden) recorder.current.note(t('console.log.hidden', { bytes: result.value.bytes }), new Date());
          else recorder.current.sent(piece, new Date());
          setTotals((totals) => ({ ...totals, bytesOut: totals.bytesOut + result.value.bytes }));
        });
      }
    },
    [client, lineEnding, localEcho, t],
  );

  const copy = useCallback(() => {
    const text = term.current?.selection() ?? '';
    if (!text) return setNotice(t('console.copy.none'));
    navigator.clipboard.writeText(text).then(
      () => setNotice(t('console.copy.done', { count: text.length })),
      () => setNotice(t('console.clipboard.denied')),
    );
  }, [t]);
  const paste = useCallback(() => {
    if (!navigator.clipboard?.readText) return setNotice(t('console.clipboard.denied'));
    navigator.clipboard.readText().then(
      (text) => {
        if (text) onInput(text);
        term.current?.focus();
      },
      () => setNotice(t('console.clipboard.denied')),
    );
  }, [onInput, t]);
  const pickFontSize = (n: number) => {
    setFontSize(n);
    window.localStorage.setItem(FONT_SIZE_KEY, String(n));
  };

  const saveLog = () => {
    const blob = new Blob([recorder.current.text()], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `phonebench-console-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const state = session?.state;
  const live = state !== undefined && state !== 'closed';
  const connected = state === 'connected';
  const s = session?.settings;

  return (
    <div className={compact ? 'console-view compact' : 'console-view'} data-testid="console-view">
      <div className="console-main">
        <PortForm value={choice} onChange={pickChoice} ports={ports} onRefresh={() => void refreshPorts()} disabled={live} />
        {error ? <ErrorView error={error} /> : null}
        <div className="console-toolbar" role="toolbar" aria-label={t('console.heading')}>
          {!live ? (
            <button type="button" className="primary" data-testid="console-connect" disabled={!choice.path} onClick={() => void connect()}>
              {t('console.connect')}
            </button>
          ) : (
            <button type="button" data-testid="console-disconnect" onClick={() => withSession((id) => client.request('serial:close', { sessionId: id }))}>
              {t('console.disconnect')}
            </button>
          )}
          <button type="button" data-testid="console-reconnect" disabled={!live} onClick={() => withSession((id) => client.request('serial:reconnect', { sessionId: id }))}>
            {t('console.reconnect')}
          </button>
          <button type="button" disabled={!connected} onClick={() => withSession((id) => client.request('serial:break', { sessionId: id, durationMs: 250 }))}>
            {t('console.break')}
          </button>
          <label>
            <input type="checkbox" disabled={!connected} checked={session?.dtr ?? true} onChange={(e) => withSession((id) => client.request('serial:set', { sessionId: id, dtr: e.target.checked }))} />
            {t('console.dtr')}
          </label>
          <label>
            <input type="checkbox" disabled={!connected} checked={session?.rts ?? true} onChange={(e) => withSession((id) => client.request('serial:set', { sessionId: id, rts: e.target.checked }))} />
            {t('console.rts')}
          </label>
          <label>
            {t('console.lineEnding')}
            <select value={lineEnding} onChange={(e) => setLineEnding(e.target.value as LineEnding)}>
              {LINE_ENDINGS.map((ending) => (
                <option key={ending} value={ending}>
                  {t(`console.lineEnding.${ending}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={localEcho} onChange={(e) => setLocalEcho(e.target.checked)} />
            {t('console.localEcho')}
          </label>
          <label>
            {t('console.timestamps')}
            <select value={timestamps} data-testid="console-timestamps" onChange={(e) => setTimestamps(e.target.value as TimestampMode)}>
              {TIMESTAMP_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`console.timestamps.${mode}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" data-testid="console-hex" checked={hex} onChange={(e) => setHex(e.target.checked)} />
            {t('console.hex')}
          </label>
          <button type="button" onClick={() => term.current?.clear()}>
            {t('console.clear')}
          </button>
          <button type="button" data-testid="console-copy" title={t('console.copy.keys')} onClick={copy}>
            {t('console.copy')}
          </button>
          <button type="button" data-testid="console-paste" title={t('console.paste.keys')} disabled={!connected} onClick={paste}>
            {t('console.paste')}
          </button>
          <label>
            {t('console.fontSize')}
            <select value={fontSize} data-testid="console-font-size" onChange={(e) => pickFontSize(Number(e.target.value))}>
              {FONT_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button type="button" data-testid="console-save" onClick={saveLog}>
            {t('console.save')}
          </button>
        </div>
        {notice ? (
          <p className="fix" role="status" data-testid="console-notice">
            {notice}
          </p>
        ) : null}
        <TerminalPane ref={term} onInput={onInput} label={t('console.heading')} fontSize={fontSize} onCopy={copy} />
        <div className="console-row">
          <label>
            {t('console.search')}
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') term.current?.[e.shiftKey ? 'findPrevious' : 'findNext'](search);
              }}
            />
          </label>
          <button type="button" disabled={!search} onClick={() => term.current?.findPrevious(search)}>
            {t('console.search.previous')}
          </button>
          <button type="button" disabled={!search} onClick={() => term.current?.findNext(search)}>
            {t('console.search.next')}
          </button>
        </div>
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
          {connected && session?.connectedSince ? (
            <span>{t('console.status.since', { time: new Date(session.connectedSince).toLocaleTimeString() })}</span>
          ) : null}
          {session ? <span>{t('console.status.logFile', { file: session.logFile })}</span> : null}
          {session?.logError ? <span className="state-unplugged">{t('console.status.logError', { error: session.logError })}</span> : null}
        </p>
      </div>
      <HintPanel seen={seen} onDismiss={(id) => setSeen((current) => current.filter((h) => h.hintId !== id))} />
    </div>
  );
}
