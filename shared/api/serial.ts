import { z } from 'zod';
import type { Message } from '../i18n/message';
import { request } from './define';

/**
 * The serial console. The phone's console settings are not established by the reference (9600 8N1 is a
 * field default for related models), so every line setting is a parameter with that default.
 */

export const PARITIES = ['none', 'even', 'odd', 'mark', 'space'] as const;
export type Parity = (typeof PARITIES)[number];

export const DATA_BITS = [5, 6, 7, 8] as const;
export type DataBits = (typeof DATA_BITS)[number];

export const STOP_BITS = [1, 1.5, 2] as const;
export type StopBits = (typeof STOP_BITS)[number];

/** Presets offered by the UI; any integer in range is accepted. */
export const BAUD_PRESETS = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

export const DEFAULT_LINE_SETTINGS: LineSettings = {
  baud: 9600,
  dataBits: 8,
  parity: 'none',
  stopBits: 1,
  rtscts: false,
  xonxoff: false,
};

export interface LineSettings {
  baud: number;
  dataBits: DataBits;
  parity: Parity;
  stopBits: StopBits;
  /** Hardware flow control. */
  rtscts: boolean;
  /** Software flow control (XON/XOFF both ways). */
  xonxoff: boolean;
}

/** A device path: bounded, no NUL, no newlines. Checked again by the engine against what exists. */
export const portPathSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine((value) => !/[\0\r\n]/.test(value), 'port path holds a control character');

export const sessionIdSchema = z.string().min(1).max(64);

export const lineSettingsSchema = z.object({
  baud: z.number().int().min(50).max(4_000_000).default(DEFAULT_LINE_SETTINGS.baud),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(PARITIES).default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  rtscts: z.boolean().default(false),
  xonxoff: z.boolean().default(false),
});

export const serialOpenSchema = lineSettingsSchema.extend({
  path: portPathSchema,
  /** Reconnect by itself when the port comes back after an unplug. */
  autoReconnect: z.boolean().default(true),
});

/** Largest single write (kept well under the browser host's 1 MB message limit); send more in pieces. */
export const MAX_WRITE_BYTES = 256 * 1024;

export const WRITE_ENCODINGS = ['utf8', 'latin1', 'base64'] as const;
export type WriteEncoding = (typeof WRITE_ENCODINGS)[number];

export const serialWriteSchema = z.object({
  sessionId: sessionIdSchema,
  /** Text, or bytes as base64 (encoding 'base64'); latin1 maps each char 0-255 to one byte. */
  data: z.string().max(Math.ceil((MAX_WRITE_BYTES * 4) / 3) + 4),
  encoding: z.enum(WRITE_ENCODINGS).default('utf8'),
});

export const serialBreakSchema = z.object({
  sessionId: sessionIdSchema,
  durationMs: z.number().int().min(10).max(5000).default(250),
});

export const serialSetSchema = z.object({
  sessionId: sessionIdSchema,
  dtr: z.boolean().optional(),
  rts: z.boolean().optional(),
});

/** What Enter sends: the line ending of typed lines, sent files and macros. */
export const LINE_ENDINGS = ['cr', 'lf', 'crlf'] as const;
export type LineEnding = (typeof LINE_ENDINGS)[number];

/** Send file: a text file sent line by line with a pause between lines, as Tera Term's "Send file" does. */
export const serialSendTextSchema = z.object({
  sessionId: sessionIdSchema,
  /** The file's name, for the progress line. */
  name: z.string().min(1).max(200),
  text: z.string().max(MAX_WRITE_BYTES),
  lineDelayMs: z.number().int().min(0).max(5000).default(100),
  lineEnding: z.enum(LINE_ENDINGS).default('cr'),
});

/** A saved session profile: port, line settings and line ending (Tera Term's and PuTTY's saved sessions). */
export const consoleProfileSchema = lineSettingsSchema.extend({
  name: z.string().trim().min(1).max(40),
  path: portPathSchema,
  lineEnding: z.enum(LINE_ENDINGS).default('cr'),
});
export type ConsoleProfile = z.output<typeof consoleProfileSchema>;

/** A macro the technician saved; Phonebench ships none (no public source lists these phones' console commands). */
export const consoleMacroSchema = z.object({
  name: z.string().trim().min(1).max(40),
  text: z.string().min(1).max(2000),
});
export type ConsoleMacro = z.output<typeof consoleMacroSchema>;

const profileList = z.array(consoleProfileSchema).max(20);
const macroList = z.array(consoleMacroSchema).max(30);

/** The console's part of the settings file, bounded. */
export const consoleSettingsSchema = z.object({ profiles: profileList.default([]), macros: macroList.default([]) });
/** A settings patch: a list given replaces the saved one; one left out stays. */
export const consoleSettingsPatchSchema = z.object({ profiles: profileList.optional(), macros: macroList.optional() });

const sessionOnlySchema = z.object({ sessionId: sessionIdSchema });
const noParams = z.object({});

export interface PortInfo {
  path: string;
  /** One line for the port picker, e.g. "FTDI USB serial (A10K3XYZ)". */
  description: Message;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
  /** Stable alias such as /dev/serial/by-id/..., when known. */
  byId?: string;
}

export interface PortList {
  ports: PortInfo[];
  /** 'driver': the serialport driver's list; 'scan': the file-system fallback. */
  source: 'driver' | 'scan';
  /** Why the fallback was used, when it was. */
  notice?: Message;
  /** The operating system's own words for why the driver failed, when it did (e.g. "spawn udevadm ENOENT"). */
  reason?: string;
}

export const SESSION_STATES = ['connecting', 'connected', 'unplugged', 'reconnecting', 'closed'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export interface SessionInfo {
  id: string;
  path: string;
  settings: LineSettings;
  autoReconnect: boolean;
  state: SessionState;
  /** ISO time of the last successful open; absent while never connected. */
  connectedSince?: string;
  bytesIn: number;
  bytesOut: number;
  dtr: boolean;
  rts: boolean;
  /** The timestamped text log and the raw byte log of this session. */
  logFile: string;
  rawFile: string;
  /** Set when the log files could not be written (disk full, removed): the console goes on, unlogged. */
  logError?: string;
  /** A name to show instead of the bare path, e.g. "Virtual phone console (demo)"; absent for ports opened by hand. */
  label?: Message;
}

/** One thing a console showed, kept by the engine so a page that comes back can show it again. */
export interface ReplayEntry {
  at: string;
  /** 'in': from the phone; 'out': typed; 'hidden': typed at a password prompt (only counted); 'state': a change. */
  kind: 'in' | 'out' | 'hidden' | 'state';
  /** The bytes, base64 ('in' and 'out'). */
  data?: string;
  /** How many bytes ('in', 'out', 'hidden'). */
  bytes?: number;
  state?: SessionState;
  detail?: string;
}

/** A session's recent screen: bounded (the full log is in logFile), oldest first. */
export interface SerialReplay {
  session: SessionInfo;
  entries: ReplayEntry[];
  /** Hints matched on this session, oldest first. */
  hints: SerialHintEvent[];
  /** Bytes that no longer fit and were dropped from the front. */
  droppedBytes: number;
}

export const serialRequests = {
  'serial:list': request<typeof noParams, PortList>(noParams),
  'serial:open': request<typeof serialOpenSchema, SessionInfo>(serialOpenSchema),
  /** `hidden`: it went to a password prompt, so it is counted and never logged. */
  'serial:write': request<typeof serialWriteSchema, { bytes: number; hidden?: boolean }>(serialWriteSchema),
  'serial:break': request<typeof serialBreakSchema, SessionInfo>(serialBreakSchema),
  'serial:set': request<typeof serialSetSchema, SessionInfo>(serialSetSchema),
  /** Close the port now and open it again (the Reconnect button). */
  'serial:reconnect': request<typeof sessionOnlySchema, SessionInfo>(sessionOnlySchema),
  'serial:close': request<typeof sessionOnlySchema, SessionInfo>(sessionOnlySchema),
  'serial:sessions': request<typeof noParams, SessionInfo[]>(noParams),
  /** What the session showed lately (and its hints), for a page that opens on a running console. */
  'serial:replay': request<typeof sessionOnlySchema, SerialReplay>(sessionOnlySchema),
  /** Starts sending a text file line by line; progress comes as serial:send events. */
  'serial:send-text': request<typeof serialSendTextSchema, { lines: number }>(serialSendTextSchema),
  /** Stops a file being sent (after the line on the wire). */
  'serial:send-stop': request<typeof sessionOnlySchema, { stopped: boolean }>(sessionOnlySchema),
};

export interface SerialDataEvent {
  sessionId: string;
  /** The batch's bytes, base64 (binary-safe over JSON). */
  data: string;
  /** Bytes in this batch. */
  length: number;
  /** Running totals of the session. */
  bytesIn: number;
  bytesOut: number;
}

export interface SerialStateEvent {
  sessionId: string;
  state: SessionState;
  at: string;
  /** Why, in words: the OS error, or "port is back". */
  detail?: string;
  /** Reconnect attempt number, while reconnecting. */
  attempt?: number;
  session: SessionInfo;
}

export interface SerialHintEvent {
  sessionId: string;
  /** A hint id from shared/cisco/hints.ts. */
  hintId: string;
  /** The console text that matched, control characters removed. */
  excerpt: string;
  at: string;
}

export interface SerialSendEvent {
  sessionId: string;
  name: string;
  /** Lines sent so far. */
  line: number;
  total: number;
  state: 'sending' | 'done' | 'stopped' | 'failed';
  /** Why it failed (the port went away, say). */
  error?: Message;
}

/** Events of the serial domain, named 'serial:<noun>'. */
export interface SerialEvents {
  'serial:send': SerialSendEvent;
  'serial:data': SerialDataEvent;
  'serial:state': SerialStateEvent;
  'serial:hint': SerialHintEvent;
}
