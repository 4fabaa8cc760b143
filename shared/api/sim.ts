import { z } from 'zod';
import { request, type AnyRequestDefs } from './define';

/** The virtual 7940/7960: a test instrument and the demo. Every invented detail is marked simulated. */

export const SIM_MODELS = ['7940', '7960'] as const;
export type SimModel = (typeof SIM_MODELS)[number];

/** What the phone is doing; 'running' and 'error' are the settled states. */
export const SIM_STATES = [
  'booting',
  'requesting-config',
  'upgrading',
  'flash-write',
  'reboot',
  'running',
  'error',
  'stopped',
] as const;
export type SimState = (typeof SIM_STATES)[number];

export const SIM_TFTP_RESULTS = ['ok', 'not-found', 'error', 'timeout'] as const;
export type SimTftpResult = (typeof SIM_TFTP_RESULTS)[number];

/** What the phone's flash holds. Image ids carry no extension. */
export interface SimFlash {
  /** Universal application loader, once one is installed (loader era). */
  loader?: string;
  /** Application image id, e.g. 'P0S3-8-12-00' or 'P00303010200'. */
  app?: string;
  /** Label of the application, e.g. 'SIP 8.12'. */
  firmware?: string;
  protocol?: 'sccp' | 'sip' | 'mgcp';
  signed: boolean;
}

/** How a boot ended: running an image, or stuck on a message the phone shows. */
export type SimOutcome =
  | { kind: 'running'; firmware: string; image: string; protocol: 'sccp' | 'sip' | 'mgcp' }
  | { kind: 'error'; message: string; detail: string; firmware?: string };

export interface SimInfo {
  id: string;
  mac: string;
  model: SimModel;
  state: SimState;
  flash: SimFlash;
  reboots: number;
  /** Network settings on the phone (Settings > Network Configuration). */
  settings: { ip: string; alternateTftp: boolean; tftpServer: string };
  /** Values its SIP config files gave it, passwords masked. */
  config: Record<string, string>;
  outcome?: SimOutcome;
  consolePath?: string;
}

/** One thing the virtual phone did; `simulated` marks behaviour no reference confirms. */
export type SimEventBody =
  | { kind: 'state'; state: SimState; detail?: string }
  | { kind: 'tftp'; file: string; result: SimTftpResult; bytes?: number; message?: string }
  | { kind: 'notice'; message: string; simulated: boolean }
  | { kind: 'flash'; flash: SimFlash }
  | { kind: 'settled'; outcome: SimOutcome };

export type SimEvent = SimEventBody & { simId: string; seq: number; at: string };

const macSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-Fa-f]{2}([-:.]?[0-9A-Fa-f]{2}){5}$/, 'expected a MAC address such as 00:0E:84:C0:60:A6');

export const simStartSchema = z.object({
  tftpHost: z.string().trim().min(1).max(253),
  tftpPort: z.number().int().min(1).max(65535).default(69),
  mac: macSchema,
  model: z.enum(SIM_MODELS).default('7960'),
  /** e.g. 'SCCP 3.1', 'SIP 8.12', 'SCCP 8.1(2)SR2'. */
  firmware: z.string().trim().min(1).max(40),
  /** How long writing flash takes; ~20000 for a realistic demo, a few ms in tests. */
  flashWriteMs: z.number().int().min(0).max(600_000).optional(),
  /** A serial device for the simulated console (e.g. one end of a socat PTY pair). */
  consolePath: z.string().trim().min(1).max(4096).optional(),
  /** Old SCCP loading SIP 3.x/4.x fails with TFTP "State Error" (seen in the source document's log). */
  simulateStateError: z.boolean().optional(),
  /** Ask for `xmlDefault.CNF.XML` instead of `XMLDefault.cnf.xml`, as some firmware does (field logs). */
  oddCaseXmlDefault: z.boolean().optional(),
});
export type SimStartParams = z.infer<typeof simStartSchema>;

const simIdSchema = z.object({ id: z.string().min(1).max(64) });
const noParams = z.object({});

/** Requests of the sim domain, named 'sim:<verb>'. */
export const simRequests = {
  'sim:start': request<typeof simStartSchema, SimInfo>(simStartSchema),
  'sim:stop': request<typeof simIdSchema, SimInfo>(simIdSchema),
  'sim:list': request<typeof noParams, SimInfo[]>(noParams),
} satisfies AnyRequestDefs;

/** Events of the sim domain, named 'sim:<noun>'. */
export interface SimEvents {
  'sim:event': SimEvent;
}
