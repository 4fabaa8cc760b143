import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

export interface TerminalHandle {
  write(data: string | Uint8Array): void;
  clear(): void;
  findNext(term: string): boolean;
  findPrevious(term: string): boolean;
  focus(): void;
}

interface Props {
  /** Keys and pastes, as xterm reports them (Enter is CR). */
  onInput: (data: string) => void;
  label: string;
}

/** xterm.js with fit and search; the parent writes bytes in and gets keystrokes out. */
export const TerminalPane = forwardRef<TerminalHandle, Props>(function TerminalPane({ onInput, label }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | undefined>(undefined);
  const search = useRef<SearchAddon | undefined>(undefined);
  const input = useRef(onInput);
  input.current = onInput;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const terminal = new Terminal({
      convertEol: false,
      scrollback: 20_000,
      cursorBlink: true,
      fontFamily: "ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace",
      fontSize: 14,
      allowProposedApi: true,
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

  useImperativeHandle(
    ref,
    () => ({
      write: (data) => term.current?.write(data),
      clear: () => term.current?.clear(),
      findNext: (text) => search.current?.findNext(text) ?? false,
      findPrevious: (text) => search.current?.findPrevious(text) ?? false,
      focus: () => term.current?.focus(),
    }),
    [],
  );

  return <div ref={host} className="console-terminal" data-testid="console-terminal" />;
});
