import { z } from 'zod';
import type { Message } from '../i18n/message';
import { request } from './define';
import { consoleSettingsPatchSchema, consoleSettingsSchema } from './serial';

export const SERVICE_STATES = ['stopped', 'starting', 'running', 'stopping', 'failed'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

export interface ServiceStatus {
  name: string;
  state: ServiceState;
  /** One line on what the service is doing, e.g. "listening on 127.0.0.1:6969". */
  detail?: Message;
}

export interface AppStatus {
  version: string;
  host: 'electron' | 'browser' | 'cli';
  platform: string;
  dataDir: string;
  services: ServiceStatus[];
  /** Set when the settings file was corrupt and moved aside at start. */
  settingsNotice?: Message;
  /** The engine log (JSON lines): errors the engine kept going through. */
  logFile?: string;
}

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The TFTP server's limits, each bounded once; the settings file and a settings patch both use these. */
const tftpLimits = z.object({
  maxBlksize: z.number().int().min(8).max(65464),
  maxWindowsize: z.number().int().min(1).max(64),
  rolloverTo: z.union([z.literal(0), z.literal(1)]),
  timeoutSeconds: z.number().int().min(1).max(255),
  retries: z.number().int().min(1).max(20),
  /** Transfers at once, all phones together, and from one address; more are refused with a TFTP error. */
  maxTransfers: z.number().int().min(1).max(1024),
  maxTransfersPerClient: z.number().int().min(1).max(256),
});

const TFTP_DEFAULTS: z.infer<typeof tftpLimits> = {
  maxBlksize: 1468,
  maxWindowsize: 16,
  rolloverTo: 0,
  timeoutSeconds: 3,
  retries: 6,
  maxTransfers: 64,
  maxTransfersPerClient: 8,
};

/** A firmware import's budget; an import that crosses one stops with an error naming the setting to raise. */
const firmwareImportLimits = z.object({
  maxMegabytes: z.number().int().min(1).max(64 * 1024),
  maxEntries: z.number().int().min(1).max(1_000_000),
  maxDepth: z.number().int().min(1).max(256),
  maxSeconds: z.number().int().min(1).max(24 * 3600),
});

const FIRMWARE_IMPORT_DEFAULTS: z.infer<typeof firmwareImportLimits> = { maxMegabytes: 1024, maxEntries: 2000, maxDepth: 16, maxSeconds: 600 };

/** The port `phonebench serve` last used without --port (npm start): kept so an old tab finds it again. */
const webPort = z.number().int().min(1).max(65535);

export const settingsSchema = z.object({
  language: z.enum(LANGUAGES).default('en'),
  webPort: webPort.optional(),
  tftp: tftpLimits
    .partial()
    .default({})
    .transform((given) => ({ ...TFTP_DEFAULTS, ...given })),
  firmwareImport: firmwareImportLimits
    .partial()
    .default({})
    .transform((given) => ({ ...FIRMWARE_IMPORT_DEFAULTS, ...given })),
  /** Saved console profiles and macros. */
  console: consoleSettingsSchema.default({ profiles: [], macros: [] }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z.object({
  language: z.enum(LANGUAGES).optional(),
  webPort: webPort.optional(),
  tftp: tftpLimits.partial().optional(),
  firmwareImport: firmwareImportLimits.partial().optional(),
  /** Each list given replaces the saved one. */
  console: consoleSettingsPatchSchema.optional(),
});

const noParams = z.object({});
type NoParams = typeof noParams;

export const appRequests = {
  'app:status': request<NoParams, AppStatus>(noParams),
  'settings:get': request<NoParams, Settings>(noParams),
  'settings:update': request<typeof settingsPatchSchema, Settings>(settingsPatchSchema),
};

export interface AppEvents {
  'service:state': ServiceStatus;
  'settings:changed': Settings;
}
