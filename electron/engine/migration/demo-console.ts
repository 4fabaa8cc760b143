import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { DEFAULT_LINE_SETTINGS, type SessionInfo } from '../../../shared/api/serial';
import { findSocat, PtyPair } from '../serial/pty-pair';
import type { SerialService } from '../serial/serial-domain';
import { linkedStreamPair } from '../serial/stream-link';
import type { DemoConsoleEnd } from './demo-phone';
import { trackFolder } from '../leftovers';
import { discardLog, type SwallowLog } from '../kit/log';
import { msg } from '../../../shared/i18n/message';

/** 'auto': a socat PTY pair where socat is on PATH, else in-process; 'in-process' forces the latter. */
export type DemoConsoleMode = 'auto' | 'in-process';

export const DEMO_CONSOLE_LABEL = msg('serial.demoConsoleLabel');
/** The in-process port's name in serial:sessions (no device has it). */
export const DEMO_VIRTUAL_PORT = 'virtual:phone-console-demo';

export interface DemoConsole {
  kind: 'pty' | 'in-process';
  /** The serial session on the technician's end, as the Console page lists it. */
  session: SessionInfo;
  /** The virtual phone's end. */
  phoneEnd: DemoConsoleEnd;
  /** Why socat was not used, when the mode was 'auto' and it was not. */
  fallback?: string;
  /** The PTY pair's folder (inside the data dir), while it exists. */
  dir?: string;
  /** Closes the console session, ends socat, removes the folder. Idempotent; close the phone's end first. */
  close(): Promise<void>;
}

/** Where demo PTY folders live: Phonebench's own, inside the data dir. */
export function demoConsoleRoot(dataDir: string): string {
  return path.join(dataDir, 'tmp');
}

/**
 * A console cable for the demo's virtual phone, with a normal serial session (logs, hints, Console page) on
 * the technician's end. Never fails for want of socat: the in-process pair always works.
 */
export interface DemoConsoleOptions {
  mode?: DemoConsoleMode;
  /** Where a failed close is written (the engine's log). */
  log?: SwallowLog;
  locateSocat?: () => Promise<string | undefined>;
}

export async function openDemoConsole(serial: SerialService, dataDir: string, options: DemoConsoleOptions = {}): Promise<DemoConsole> {
  const { mode = 'auto', log = discardLog, locateSocat = () => findSocat() } = options;
  let fallback: string | undefined;
  if (mode === 'auto') {
    const socat = await locateSocat();
    if (socat === undefined) {
      fallback = 'socat is not on PATH';
    } else {
      try {
        return await openPtyConsole(serial, dataDir, socat, log);
      } catch (error) {
        fallback = `the socat PTY pair failed: ${(error instanceof Error ? error.message : String(error)).slice(0, 200)}`;
      }
    }
  }
  const inProcess = await openInProcessConsole(serial, log);
  if (fallback !== undefined) inProcess.fallback = fallback;
  return inProcess;
}

async function openPtyConsole(serial: SerialService, dataDir: string, socat: string, log: SwallowLog): Promise<DemoConsole> {
  const root = demoConsoleRoot(dataDir);
  await fs.mkdir(root, { recursive: true });
  const dir = await fs.mkdtemp(path.join(root, 'demo-console-'));
  const untrack = trackFolder(dir);
  let pair: PtyPair | undefined;
  const cleanup = async () => {
    await pair?.close().catch((error: unknown) => log.swallowed('migrate', 'end the demo console socat', error));
    await fs.rm(dir, { recursive: true, force: true });
    untrack();
  };
  try {
    pair = await PtyPair.start(socat, dir, ['phone', 'console']);
    const session = await serial.open({ path: pair.b, autoReconnect: false, ...DEFAULT_LINE_SETTINGS }, DEMO_CONSOLE_LABEL);
    let closed = false;
    return {
      kind: 'pty',
      session,
      phoneEnd: { path: pair.a },
      dir,
      async close() {
        if (closed) return;
        closed = true;
        await serial.close(session.id).catch((error: unknown) => log.swallowed('migrate', 'close the demo console session', error, { session: session.id }));
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function openInProcessConsole(serial: SerialService, log: SwallowLog): Promise<DemoConsole> {
  const [phone, technician]: [Duplex, Duplex] = linkedStreamPair();
  try {
    const session = await serial.openVirtual(DEMO_VIRTUAL_PORT, DEMO_CONSOLE_LABEL, technician);
    let closed = false;
    return {
      kind: 'in-process',
      session,
      phoneEnd: { stream: phone },
      async close() {
        if (closed) return;
        closed = true;
        await serial.close(session.id).catch((error: unknown) => log.swallowed('migrate', 'close the demo console session', error, { session: session.id }));
        phone.destroy();
        technician.destroy();
      },
    };
  } catch (error) {
    phone.destroy();
    technician.destroy();
    throw error;
  }
}
