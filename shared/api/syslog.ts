import { z } from 'zod';
import { request, type AnyRequestDefs } from './define';

/**
 * The Syslog receiver: a phone on a SIP load that logs to syslog can be watched without a console cable.
 * Bound to one address and locked to the phone's IP like the TFTP server. Runtime-neutral.
 */

export const SYSLOG_SEVERITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'] as const;
export type SyslogSeverity = (typeof SYSLOG_SEVERITIES)[number];

/** One received message, already escaped for a terminal (no control, C1 or bidi characters left). */
export interface SyslogLine {
  seq: number;
  /** When it arrived (the receiver's clock: phones often have none). */
  at: string;
  from: string;
  severity?: SyslogSeverity;
  facility?: number;
  /** The sender's own time stamp, as written. */
  stamp?: string;
  host?: string;
  app?: string;
  text: string;
  format: 'rfc5424' | 'rfc3164' | 'plain';
}

export interface SyslogStatus {
  state: 'stopped' | 'running';
  address?: string;
  port?: number;
  /** The phone addresses heard; null: everyone (only when asked for). */
  allow?: string[] | null;
  received: number;
  /** Datagrams from other addresses, dropped unread. */
  refused: number;
  /** Datagrams over the rate limit, dropped. */
  dropped: number;
  /** The last address refused, to help when the phone's IP was typed wrong. */
  lastRefusedFrom?: string;
}

const ipv4 = z.ipv4();

export const syslogStartSchema = z.object({
  address: ipv4,
  /** 514 is the syslog port; it needs privileges on Linux and macOS, like TFTP's 69. */
  port: z.number().int().min(0).max(65535).default(514),
  allow: z.array(ipv4).min(1).max(16).optional(),
  allowAll: z.boolean().default(false),
});

const noParams = z.object({});
type NoParams = typeof noParams;
const linesParams = z.object({ limit: z.number().int().min(1).max(2000).default(500) });

/** Requests of the syslog domain. */
export const syslogRequests = {
  'syslog:start': request<typeof syslogStartSchema, SyslogStatus>(syslogStartSchema),
  'syslog:stop': request<NoParams, SyslogStatus>(noParams),
  'syslog:status': request<NoParams, SyslogStatus>(noParams),
  /** The last lines received, oldest first. */
  'syslog:lines': request<typeof linesParams, SyslogLine[]>(linesParams),
} satisfies AnyRequestDefs;

/** Events of the syslog domain. */
export interface SyslogEvents {
  /** Lines received since the last batch (sent at most every 100 ms). */
  'syslog:lines': SyslogLine[];
  'syslog:status': SyslogStatus;
}
