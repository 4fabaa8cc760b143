import { z } from 'zod';
import type { Message } from '../i18n/message';
import { request, type AnyRequestDefs } from './define';

/**
 * The TFTP server domain. TftpEvent is the one record of what the server did; the UI, the log and the
 * migration runner all read it. Runtime-neutral: no Node types here.
 */

export interface TftpClientAddress {
  address: string;
  port: number;
}

/** How a requested name found its file: literally, after dropping a leading './', or ignoring case. */
export const MATCH_KINDS = ['exact', 'dot-slash', 'case-insensitive'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** Why a request was refused before any file was opened. */
export const REFUSAL_REASONS = ['not-target-phone', 'path', 'write-disabled', 'busy', 'client-busy'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface NegotiatedOptions {
  blksize: number;
  windowsize: number;
  timeoutSeconds: number;
  /** Present when the client asked for tsize. */
  tsize?: number;
  /** What was sent in the OACK; empty when no OACK was sent (plain RFC 1350 transfer). */
  acknowledged: Record<string, string>;
}

interface TftpEventBase {
  /** ISO 8601 time the event happened. */
  at: string;
}

interface TransferEventBase extends TftpEventBase {
  /** Transfer id, unique for the server's lifetime. */
  id: string;
  client: TftpClientAddress;
  direction: 'read' | 'write';
  /** The name as the phone asked for it. */
  filename: string;
  mode: string;
}

export type TftpEvent =
  | (TftpEventBase & { type: 'listening'; address: string; port: number; root?: string })
  | (TftpEventBase & { type: 'stopped'; address: string; port: number })
  | (TransferEventBase & { type: 'request'; options: Record<string, string> })
  | (TransferEventBase & {
      type: 'negotiated';
      /** The file actually served, and how its name matched. */
      served: string;
      match: MatchKind;
      size: number;
      options: NegotiatedOptions;
    })
  | (TransferEventBase & {
      type: 'progress';
      bytes: number;
      blocks: number;
      /** Known for reads (the file size); undefined for writes without tsize. */
      totalBytes?: number;
      bytesPerSecond: number;
    })
  | (TransferEventBase & {
      type: 'completed';
      served: string;
      blksize: number;
      bytes: number;
      blocks: number;
      durationMs: number;
      retransmits: number;
    })
  | (TransferEventBase & {
      type: 'failed';
      reason: string;
      /** The TFTP error code sent to or received from the client, when there was one. */
      tftpCode?: number;
      bytes: number;
      durationMs: number;
      retransmits: number;
    })
  | (TftpEventBase & {
      type: 'refused';
      /** Set when the request was refused after it got a transfer id (a bad path found late). */
      id?: string;
      client: TftpClientAddress;
      filename: string;
      direction: 'read' | 'write';
      reason: RefusalReason;
      detail: string;
    })
  | (TftpEventBase & { type: 'warning'; client?: TftpClientAddress; detail: string });

export type TftpEventType = TftpEvent['type'];

export type TftpLogLevel = 'info' | 'warn' | 'error';

export interface TftpLogLine {
  at: string;
  level: TftpLogLevel;
  /** What a technician reads, e.g. "2026-11-28 09:15:02 Sending 'OS79XX.TXT' to 10.1.1.1 (octet, blksize 512): Successful, 13 bytes in 0.01 s". */
  text: string;
  /** The same line's words as a message (without the time), said by the page in the chosen language. */
  message?: Message;
  /** Transfer id when the line is about one transfer. */
  transferId?: string;
}

/** A transfer table row's state; 'refused' rows never sent a byte. */
export const TRANSFER_ROW_STATES = ['running', 'done', 'failed', 'refused'] as const;
export type TransferRowState = (typeof TRANSFER_ROW_STATES)[number];

/** One row of the TFTP page's transfer table, kept by the engine so it survives navigation and reloads. */
export interface TransferRow {
  /** The transfer id, or an id of the engine's own for a request refused before it got one. */
  id: string;
  /** When the request came. */
  at: string;
  client: string;
  direction: 'read' | 'write';
  filename: string;
  served?: string;
  bytes: number;
  totalBytes?: number;
  bytesPerSecond: number;
  state: TransferRowState;
  /** Why it failed (the server's words). */
  detail?: string;
  /** Why it failed or was refused, as a message the page says in the chosen language. */
  why?: Message;
  /** Why it was refused. */
  refusal?: RefusalReason;
  /** How long it took, once it ended (done or failed). */
  durationMs?: number;
  /** The block size agreed (512 unless the phone asked for blksize). */
  blksize?: number;
  /** Blocks sent again after a timeout. */
  retries?: number;
}

/** A file of the TFTP root and what the phone did with it since the server started (or the table was cleared). */
export interface TftpRootFile {
  name: string;
  size: number;
  /** sent: served whole at least once; asked: requested but never served whole; never-asked: not requested. */
  state: 'sent' | 'asked' | 'never-asked';
  requests: number;
  lastAt?: string;
}

export interface TftpRootView {
  root?: string;
  /** The root's files (top level), by name. */
  files: TftpRootFile[];
  /** Names the phone asked for that are not in the root, with how often. */
  missing: { name: string; requests: number }[];
  /** More files than the view lists. */
  truncated: boolean;
}

export interface TftpInterface {
  name: string;
  address: string;
  netmask: string;
  internal: boolean;
}

export interface TftpStatus {
  state: 'stopped' | 'running';
  address?: string;
  port?: number;
  root?: string;
  /** The single-phone lock; null or absent means every client is served. */
  allow?: string[] | null;
  uploadDir?: string;
  activeTransfers: number;
}

const ipv4 = z.ipv4();

export const tftpStartSchema = z.object({
  /** The address to bind. 0.0.0.0 only when asked for explicitly (allowAnyAddress). */
  address: ipv4,
  port: z.number().int().min(0).max(65535).default(69),
  root: z.string().min(1).max(4096),
  /** Allowlist of phone addresses; empty or absent with allowAll=false is refused as ambiguous. */
  allow: z.array(ipv4).max(64).optional(),
  allowAll: z.boolean().default(false),
  /** Accept uploads (WRQ) into this folder; absent = uploads refused. */
  uploadDir: z.string().min(1).max(4096).optional(),
  /** Must be true to bind 0.0.0.0. */
  allowAnyAddress: z.boolean().default(false),
  portRange: z
    .object({ from: z.number().int().min(1024).max(65535), to: z.number().int().min(1024).max(65535) })
    .refine((r) => r.from <= r.to, 'portRange.from must not exceed portRange.to')
    .optional(),
});

export const tftpAllowSchema = z.object({ allow: z.array(ipv4).max(64).nullable() });

const noParams = z.object({});
type NoParams = typeof noParams;

/** Requests of the tftp domain, named 'tftp:<verb>'. */
export const tftpRequests = {
  'tftp:start': request<typeof tftpStartSchema, TftpStatus>(tftpStartSchema),
  'tftp:stop': request<NoParams, TftpStatus>(noParams),
  'tftp:status': request<NoParams, TftpStatus>(noParams),
  'tftp:allow': request<typeof tftpAllowSchema, TftpStatus>(tftpAllowSchema),
  'tftp:interfaces': request<NoParams, TftpInterface[]>(noParams),
  'tftp:log': request<NoParams, TftpLogLine[]>(noParams),
  /** The transfer table, newest first. */
  'tftp:transfers': request<NoParams, TransferRow[]>(noParams),
  /** The root's files, each with its state: sent, asked, never asked. */
  'tftp:root': request<NoParams, TftpRootView>(noParams),
  /** Empties the log and the finished rows of the table (running transfers stay). */
  'tftp:clear': request<NoParams, TransferRow[]>(noParams),
} satisfies AnyRequestDefs;

/** Events of the tftp domain, named 'tftp:<noun>'. */
export interface TftpEvents {
  'tftp:transfer': TftpEvent;
  'tftp:log': TftpLogLine;
  /** A transfer table row, each time it changes. */
  'tftp:row': TransferRow;
  /** The table and log were cleared; the rows still shown. */
  'tftp:cleared': TransferRow[];
}
