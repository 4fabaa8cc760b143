import { useCallback, useRef, type RefObject } from 'react';
import type { SerialDataEvent, SerialHintEvent, SerialReplay, SerialStateEvent, SessionInfo, SessionState } from '../../../../shared/api/serial';
import { useEvent } from '../../api/client-context';
import type { RendererClient } from '../../api/client';
import { follow, useSnapshot } from '../../hooks/use-snapshot';
import { useI18n } from '../../i18n/i18n';
import { base64ToBytes, ConsoleLogRecorder, formatBytes, osErrorKey, TerminalFormatter } from './console-format';
import type { SeenHint } from './hint-panel';
import type { TerminalHandle } from './terminal-pane';

/** The console session this view shows, as the serial service holds it. */
export interface ConsoleSnapshot {
  session?: SessionInfo;
  /** Reconnect attempt number, while reconnecting. */
  attempt?: number;
  totals: { bytesIn: number; bytesOut: number };
  seen: SeenHint[];
}

const EMPTY: ConsoleSnapshot = { totals: { bytesIn: 0, bytesOut: 0 }, seen: [] };

function withHint(seen: SeenHint[], h: SerialHintEvent): SeenHint[] {
  const previous = seen.find((x) => x.hintId === h.hintId);
  const entry = { hintId: h.hintId, count: (previous?.count ?? 0) + 1, lastAt: h.at, excerpt: h.excerpt };
  return [entry, ...seen.filter((x) => x.hintId !== h.hintId)];
}

const FOLLOWS = [
  follow<ConsoleSnapshot, 'serial:state'>('serial:state', (c, e) => (e.sessionId === c.session?.id ? { ...c, session: e.session, attempt: e.attempt } : c)),
  follow<ConsoleSnapshot, 'serial:data'>('serial:data', (c, e) =>
    e.sessionId === c.session?.id && e.bytesIn > c.totals.bytesIn ? { ...c, totals: { bytesIn: e.bytesIn, bytesOut: e.bytesOut } } : c,
  ),
  follow<ConsoleSnapshot, 'serial:hint'>('serial:hint', (c, e) => (e.sessionId === c.session?.id ? { ...c, seen: withHint(c.seen, e) } : c)),
];

/**
 * The open console's snapshot (the engine keeps its port, recent screen and hints: this page may be new), its
 * events painted on the terminal, and the same read again after a reconnect. Also keeps the log the technician
 * can save.
 */
/** OS errors whose fix says the console reconnects by itself (true only with reconnect on). */
const MANUAL_FIX = new Set(['console.os.ebadf', 'console.os.enodev']);

export function useConsoleSession(term: RefObject<TerminalHandle | null>, onHint: ((event: SerialHintEvent) => void) | undefined) {
  const { t } = useI18n();
  const formatter = useRef(new TerminalFormatter({ hex: false, timestamps: 'off' }));
  const recorder = useRef(new ConsoleLogRecorder());
  /** Bytes already shown by the last replay: live batches up to this total are not shown twice. */
  const replayedIn = useRef(0);
  const sessionRef = useRef<SessionInfo | undefined>(undefined);

  /** A state change as the terminal shows it; an OS error gets a plain sentence and a fix before its raw text. */
  const stateText = useCallback(
    (state: SessionState, detail: string | undefined) => {
      const what = t(`console.state.${state}`);
      if (!detail) return what;
      const key = osErrorKey(detail);
      if (!key) return `${what}: ${detail}`;
      // A fix that promises a reconnect by itself has a manual variant for a session with reconnect off.
      const fix = sessionRef.current?.autoReconnect === false && MANUAL_FIX.has(key) ? `${key}.fix.manual` : `${key}.fix`;
      return `${what}: ${t(key)} ${t(fix)} (${t('console.os.said', { raw: detail })})`;
    },
    [t],
  );

  /** Paints a replay on a cleared terminal and returns the snapshot it shows. */
  const paint = useCallback(
    (replay: SerialReplay): ConsoleSnapshot => {
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
      const seen = replay.hints.reduce<SeenHint[]>(withHint, []);
      return { session: replay.session, totals: { bytesIn: replay.session.bytesIn, bytesOut: replay.session.bytesOut }, seen };
    },
    [stateText, t, term],
  );

  // The session shown, if still open, else any open one; none open keeps what is shown.
  const read = useCallback(
    async (client: RendererClient) => {
      const list = await client.request('serial:sessions', {});
      if (!list.ok) return undefined;
      const current = sessionRef.current;
      const open = list.value.find((s) => s.id === current?.id && s.state !== 'closed') ?? list.value.find((s) => s.state !== 'closed');
      if (!open) return undefined;
      const replay = await client.request('serial:replay', { sessionId: open.id });
      return replay.ok ? paint(replay.value) : undefined;
    },
    [paint],
  );
  const snapshot = useSnapshot<ConsoleSnapshot>(EMPTY, read, FOLLOWS);
  const { set } = snapshot;
  sessionRef.current = snapshot.value.session;

  useEvent(
    'serial:data',
    useCallback(
      (event: SerialDataEvent) => {
        if (event.sessionId !== sessionRef.current?.id || event.bytesIn <= replayedIn.current) return;
        const bytes = base64ToBytes(event.data);
        const now = new Date();
        recorder.current.received(bytes, now);
        term.current?.write(formatter.current.format(bytes, now, term.current.columns()));
      },
      [term],
    ),
  );
  useEvent(
    'serial:state',
    useCallback(
      (event: SerialStateEvent) => {
        if (event.sessionId !== sessionRef.current?.id || (event.state === 'connected' && !event.detail)) return;
        const text = stateText(event.state, event.detail);
        recorder.current.note(text, new Date(event.at));
        term.current?.write(`\r\n\x1b[33m[${text}]\x1b[0m\r\n`);
      },
      [stateText, term],
    ),
  );
  const onHintRef = useRef(onHint);
  onHintRef.current = onHint;
  useEvent(
    'serial:hint',
    useCallback((event: SerialHintEvent) => {
      if (event.sessionId === sessionRef.current?.id) onHintRef.current?.(event);
    }, []),
  );

  /** A session this view just opened: shown from its first byte. */
  const opened = useCallback(
    (session: SessionInfo) => {
      formatter.current.reset();
      replayedIn.current = 0;
      sessionRef.current = session;
      set((c) => ({ ...c, session, attempt: undefined, totals: { bytesIn: 0, bytesOut: 0 } }));
    },
    [set],
  );

  return { ...snapshot.value, sessionRef, formatter, recorder, opened, set };
}
