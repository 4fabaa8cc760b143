import { z } from 'zod';
import { LANGUAGES } from './app';
import { request, type AnyRequestDefs } from './define';
import type { PlanChoice } from '../cisco/planner/plan-types';
import type { Message } from '../i18n/message';
import type { BundleSummary } from './firmware';
import type { PlanCreated } from './plan';

/**
 * One-click migration of one phone: the runner drives a plan with TFTP (and optionally the bench DHCP and a
 * serial console) and reports a timeline. Runtime-neutral.
 */

export interface MigrateInterface {
  name: string;
  address: string;
  netmask: string;
  internal: boolean;
  /** A default route leaves through this interface: it is probably a live network, not a bench cable. */
  defaultGateway?: string;
  /** Why this interface looks like a live network; empty when it looks like a bench cable. */
  warnings: Message[];
}

export const MIGRATION_STATES = [
  'starting',
  /** Listen first: the phone gets only "file not found" while its requests tell us its firmware family. */
  'listening',
  /** Serving; the phone has not asked for anything yet. */
  'waiting-for-phone',
  'running',
  'succeeded',
  'failed',
  'stopped',
] as const;
export type MigrationState = (typeof MIGRATION_STATES)[number];

export type PhoneIpSource = 'entered' | 'learned-from-mac' | 'dhcp' | 'demo';

export interface FileProgress {
  name: string;
  hop: number;
  state: 'waiting' | 'sending' | 'served' | 'failed' | 'not-found';
  bytes: number;
  total?: number;
}

export interface HopStatus {
  index: number;
  title: Message;
  state: 'pending' | 'active' | 'done';
  /** What the phone's screen should show during this hop. */
  phoneShows: Message[];
  /** "inferred" hops are not covered by any source; the planner says why. */
  provenance: Message;
}

export const TIMELINE_KINDS = [
  'info',
  'request',
  'served',
  'not-found',
  'refused',
  'failed',
  'hop-done',
  'success',
  'hint',
  'dhcp',
  'console',
  'warning',
  'inferred',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  seq: number;
  at: string;
  kind: TimelineKind;
  /** What happened, said in the technician's language. */
  message: Message;
  /** A stable name for what happened (for filters and tests; never shown). */
  code?: string;
  file?: string;
  client?: string;
  hop?: number;
  /** The plan step this request matched ("expected"), or "unexpected". */
  step?: string;
  hintId?: string;
  fix?: Message;
}

export interface ListenInference {
  era: 'os79xx' | 'loader' | 'unknown';
  protocol?: 'SCCP' | 'SIP';
  evidence: Message[];
  /** What was learned in plain release words, and what to enter in step 1. */
  said?: Message;
}

/** The console a demo's virtual phone got: a socat PTY pair, an in-process virtual port, or none (and why). */
export interface MigrationConsole {
  kind: 'pty' | 'in-process' | 'none';
  /** The serial session showing it (serial:sessions, the Console page). */
  sessionId?: string;
  path?: string;
  label?: Message;
  /** Why a PTY was not used, or why there is no console. */
  detail?: string;
}

/** A file the plan serves from a bundle other than the chosen one (a stopover image, say). */
export interface BorrowedFile {
  file: string;
  bundleId: string;
  /** The archive it was imported from. */
  bundleName: string;
}

export interface MigrationStatus {
  id: string;
  state: MigrationState;
  mac: string;
  model: '7940' | '7960';
  from: string;
  to: string;
  bundleId: string;
  bind: { address: string; port: number };
  phoneIp?: string;
  phoneIpSource?: PhoneIpSource;
  hops: HopStatus[];
  currentHop: number;
  files: FileProgress[];
  warnings: Message[];
  inference?: ListenInference;
  /** How it ended (or why it failed or stopped), with the fix. */
  message?: Message;
  fix?: Message;
  startedAt: string;
  endedAt?: string;
  demo: boolean;
  /** Demo only: the virtual phone's console, once attached. */
  console?: MigrationConsole;
  /** Files served from other bundles than bundleId; absent when none. */
  borrowed?: BorrowedFile[];
  /** The chosen bundle lacks files its kind usually holds (the Firmware page lists them). */
  incompleteBundle?: boolean;
}

export interface KeypadStep {
  text: Message;
  /** Set on the step that holds the laptop's address. */
  value?: string;
}

export interface PreviewHop {
  title: Message;
  provenance: Message;
  requiredFiles: string[];
  configs: string[];
  expectedRequests: string[];
  phoneShows: Message[];
  warnings: Message[];
}

/** The plan the runner would drive, or why there is none; nothing is started. */
export type MigratePreview =
  | {
      ok: true;
      from: string;
      to: string;
      listenFirst: boolean;
      hops: PreviewHop[];
      warnings: Message[];
      /** The planner's own plan, for the plan view; absent when listening first. */
      created?: PlanCreated;
      /** Files the plan takes from other bundles than the chosen one. */
      borrowed?: BorrowedFile[];
      /** The chosen bundle lacks files its kind usually holds. */
      incompleteBundle?: boolean;
      bundleName?: string;
    }
  | { ok: false; reason: Message; fix?: Message; /** A load to choose from the library before there is a plan. */ choice?: PlanChoice };

export interface MigrateReport {
  format: 'json' | 'html';
  fileName: string;
  content: string;
}

const ipv4 = z.ipv4();

export const migrateStartSchema = z.object({
  /** Any common writing; the engine normalises it. */
  mac: z.string().min(12).max(17),
  model: z.enum(['7940', '7960']),
  bundleId: z.string().min(1).max(200),
  bindAddress: ipv4,
  port: z.number().int().min(0).max(65535).default(69),
  phoneIp: ipv4.optional(),
  /** Firmware label such as "SCCP 8.1(2)SR2"; absent or "unknown" listens first. */
  from: z.string().min(1).max(40).optional(),
  /** Loads chosen for stops no source names exactly (plan step chooser): image ids from the library. */
  via: z.array(z.string().trim().min(1).max(64)).max(4).optional(),
  /** Run against a virtual phone on loopback that starts on `from`. */
  demo: z.boolean().default(false),
  /** Bench DHCP for this phone only; binds UDP 67. */
  dhcp: z
    .object({
      offerIp: ipv4,
      mask: ipv4.default('255.255.255.0'),
      router: ipv4.optional(),
      leaseSeconds: z.number().int().min(60).max(86400).default(3600),
      port: z.number().int().min(0).max(65535).default(67),
    })
    .optional(),
  /** A serial session whose text is matched for hints and kept in the report. */
  consoleSessionId: z.string().max(100).optional(),
});
export type MigrateStartParams = z.infer<typeof migrateStartSchema>;

export const migratePreviewSchema = z.object({
  mac: z.string().min(12).max(17),
  model: z.enum(['7940', '7960']),
  bundleId: z.string().min(1).max(200),
  from: z.string().min(1).max(40).optional(),
  /** Loads chosen for stops no source names exactly (plan step chooser): image ids from the library. */
  via: z.array(z.string().trim().min(1).max(64)).max(4).optional(),
});

export const migrateKeypadSchema = z.object({
  address: ipv4,
  from: z.string().max(40).optional(),
});

/** The report's words in `language` (the one the technician chose; English when absent, as for the CLI). */
export const migrateReportSchema = z.object({ format: z.enum(['json', 'html']), language: z.enum(LANGUAGES).default('en') });

const noParams = z.object({});
type NoParams = typeof noParams;

/** Requests of the migrate domain, named 'migrate:<verb>'. */
export const migrateRequests = {
  'migrate:interfaces': request<NoParams, MigrateInterface[]>(noParams),
  'migrate:keypad': request<typeof migrateKeypadSchema, KeypadStep[]>(migrateKeypadSchema),
  'migrate:preview': request<typeof migratePreviewSchema, MigratePreview>(migratePreviewSchema),
  'migrate:start': request<typeof migrateStartSchema, MigrationStatus>(migrateStartSchema),
  'migrate:stop': request<NoParams, MigrationStatus | null>(noParams),
  'migrate:status': request<NoParams, MigrationStatus | null>(noParams),
  'migrate:timeline': request<NoParams, TimelineEntry[]>(noParams),
  'migrate:report': request<typeof migrateReportSchema, MigrateReport>(migrateReportSchema),
  /** The demo library's bundles (synthetic, not Cisco firmware; built at first use), for the virtual phone only. */
  'migrate:demo-bundles': request<NoParams, BundleSummary[]>(noParams),
} satisfies AnyRequestDefs;

/** Events of the migrate domain, named 'migrate:<noun>'. */
export interface MigrateEvents {
  'migrate:timeline': TimelineEntry;
  'migrate:state': MigrationStatus;
}
