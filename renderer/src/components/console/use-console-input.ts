import { useCallback, useEffect, useRef, useState, type MutableRefObject, type RefObject } from 'react';
import type { AppError } from '../../../../shared/api/result';
import type { SessionInfo } from '../../../../shared/api/serial';
import { useClient } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { echoText, translateEnter, type ConsoleLogRecorder, type LineEnding } from './console-format';
import type { ConsoleSnapshot } from './use-console-session';
import type { TerminalHandle } from './terminal-pane';

/** Characters per write request when pasting (UTF-8 makes at most 3 bytes of each). */
const WRITE_PIECE_CHARS = 16 * 1024;

interface Options {
  term: RefObject<TerminalHandle | null>;
  sessionRef: MutableRefObject<SessionInfo | undefined>;
  recorder: MutableRefObject<ConsoleLogRecorder>;
  setSnapshot: (change: (c: ConsoleSnapshot) => ConsoleSnapshot) => void;
  lineEnding: LineEnding;
  localEcho: boolean;
  setError: (error: AppError | undefined) => void;
  setNotice: (notice: string) => void;
}

/** Keys, pastes and the clipboard: typed text goes to the phone in order, in pieces far below the write limit. */
export function useConsoleInput({ term, sessionRef, recorder, setSnapshot, lineEnding, localEcho, setError, setNotice }: Options) {
  const client = useClient();
  const { t } = useI18n();
  const writes = useRef<Promise<void>>(Promise.resolve());
  const notConnectedShown = useRef(false);
  const state = sessionRef.current?.state;
  useEffect(() => {
    if (state === 'connected') notConnectedShown.current = false;
  }, [state]);

  /** Sends text as typed (Enter already translated) to the phone. */
  const send = useCallback(
    (text: string) => {
      const current = sessionRef.current;
      if (!current) return;
      for (let at = 0; at < text.length; at += WRITE_PIECE_CHARS) {
        const piece = text.slice(at, at + WRITE_PIECE_CHARS);
        writes.current = writes.current.then(async () => {
          const result = await client.request('serial:write', { sessionId: current.id, data: piece, encoding: 'utf8' });
          if (!result.ok) return setError(result.error);
          if (result.value.hidden) recorder.current.note(t('console.log.hidden', { bytes: result.value.bytes }), new Date());
          else recorder.current.sent(piece, new Date());
          setSnapshot((c) => ({ ...c, totals: { ...c.totals, bytesOut: c.totals.bytesOut + result.value.bytes } }));
        });
      }
      return writes.current;
    },
    [client, recorder, sessionRef, setError, setSnapshot, t],
  );

  /** Several lines pasted at once wait for the technician's yes (a stray paste can reconfigure a phone). */
  const [pending, setPending] = useState<string>();

  const onInput = useCallback(
    (data: string, confirmed = false) => {
      const current = sessionRef.current;
      if (!current || current.state !== 'connected') {
        // Say once per burst why keys go nowhere, instead of swallowing them silently.
        if (!notConnectedShown.current) term.current?.write(`\r\n\x1b[33m[${t('console.notConnected')}]\x1b[0m\r\n`);
        notConnectedShown.current = true;
        return;
      }
      notConnectedShown.current = false;
      if (!confirmed && pastedLines(data) > 1) return setPending(data);
      if (localEcho) term.current?.write(echoText(data));
      void send(translateEnter(data, lineEnding));
    },
    [lineEnding, localEcho, send, sessionRef, t, term],
  );

  const copy = useCallback(() => {
    const text = term.current?.selection() ?? '';
    if (!text) return setNotice(t('console.copy.none'));
    navigator.clipboard.writeText(text).then(
      () => setNotice(t('console.copy.done', { count: text.length })),
      () => setNotice(t('console.clipboard.denied')),
    );
  }, [setNotice, t, term]);
  const paste = useCallback(() => {
    if (!navigator.clipboard?.readText) return setNotice(t('console.clipboard.denied'));
    navigator.clipboard.readText().then(
      (text) => {
        if (text) onInput(text);
        term.current?.focus();
      },
      () => setNotice(t('console.clipboard.denied')),
    );
  }, [onInput, setNotice, t, term]);

  const confirmPaste = useCallback(() => {
    if (pending !== undefined) onInput(pending, true);
    setPending(undefined);
    term.current?.focus();
  }, [onInput, pending, term]);
  const cancelPaste = useCallback(() => {
    setPending(undefined);
    term.current?.focus();
  }, [term]);

  return { onInput, copy, paste, send, pending, confirmPaste, cancelPaste };
}

/** Lines in what arrived at once: a typed Enter is one line; a paste of "a\rb" is two. */
export function pastedLines(data: string): number {
  if (data.length < 2) return 1;
  return data.replace(/\r\n/g, '\r').replace(/\n/g, '\r').replace(/\r$/, '').split('\r').length;
}
