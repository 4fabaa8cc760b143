import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

export interface TerminalHandle {
  write(data: string | Uint8Array): void;
  clear(): void;
  /** Empties the screen and the scrollback (before a replay). */
  reset(): void;
  /** The selected text ('' when none). */
  selection(): string;
  columns(): number;
  findNext(term: string): boolean;
  findPrevious(term: string): boolean;
  focus(): void;
}

interface Props {
  /** Keys and pastes, as xterm reports them (Enter is CR). */
  onInput: (data: string) => void;
  label: string;
  fontSize: number;
  /** Ctrl+Shift+C (Ctrl+C alone goes to the phone, as in a terminal). Ctrl+Shift+V pastes through the browser. */
  onCopy: () => void;
  /** Alt+B, as in Tera Term: a BREAK on the line instead of a key for the phone. */
  onBreak?: () => void;
}

/** xterm.js with fit and search; the parent writes bytes in and gets keystrokes out. */
export const TerminalPane = forwardRef<TerminalHandle, Props>(function TerminalPane({ onInput, label, fontSize, onCopy, onBreak }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | undefined>(undefined);
  const search = useRef<SearchAddon | undefined>(undefined);
  const fitRef = useRef<(() => void) | undefined>(undefined);
  const input = useRef(onInput);
  input.current = onInput;
  const copy = useRef(onCopy);
  copy.current = onCopy;
  const brk = useRef(onBreak);
  brk.current = onBreak;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const terminal = new Terminal({
      convertEol: false,
      scrollback: 20_000,
      cursorBlink: true,
      fontFamily: "ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace",
      fontSize,
      allowProposedApi: true,
    });
    terminal.attachCustomKeyEventHandler((event) => {
      if (event.type === 'keydown' && event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyB' && brk.current) {
        brk.current();
        event.preventDefault();
        return false;
      }
      if (event.type !== 'keydown' || !event.ctrlKey || !event.shiftKey) return true;
      const key = event.key.toLowerCase();
      if (key === 'c') {
        copy.current();
        event.preventDefault();
        return false;
      }
      // Not a key for the phone: the browser's own paste event follows, and xterm sends its text.
      return key !== 'v';
    });
    const fit = new FitAddon();
    const finder = new SearchAddon();
    terminal.loadAddon(fit);
    terminal.loadAddon(finder);
    terminal.open(element);
    const safeFit = () => {
      try {
        fit.fit();
      } catch {
        // Not laid out yet (hidden tab): the next resize fits it.
      }
    };
    safeFit();
    fitRef.current = safeFit;
    const typed = terminal.onData((data) => input.current(data));
    const observer = new window.ResizeObserver(() => safeFit());
    observer.observe(element);
    term.current = terminal;
    search.current = finder;
    return () => {
      observer.disconnect();
      typed.dispose();
      terminal.dispose();
      term.current = undefined;
      search.current = undefined;
    };
  }, []);

  useEffect(() => {
    term.current?.textarea?.setAttribute('aria-label', label);
  }, [label]);

  useEffect(() => {
    const terminal = term.current;
    if (!terminal || terminal.options.fontSize === fontSize) return;
    terminal.options.fontSize = fontSize;
    fitRef.current?.();
  }, [fontSize]);

  useImperativeHandle(
    ref,
    () => ({
      write: (data) => term.current?.write(data),
      clear: () => term.current?.clear(),
      reset: () => term.current?.reset(),
      selection: () => term.current?.getSelection() ?? '',
      columns: () => term.current?.cols ?? 80,
      findNext: (text) => search.current?.findNext(text) ?? false,
      findPrevious: (text) => search.current?.findPrevious(text) ?? false,
      focus: () => term.current?.focus(),
    }),
    [],
  );

  return <div ref={host} className="console-terminal" data-testid="console-terminal" data-font-size={fontSize} />;
});
