import { z } from 'zod';
import { request } from './define';

export const SERVICE_STATES = ['stopped', 'starting', 'running', 'stopping', 'failed'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

export interface ServiceStatus {
  name: string;
  state: ServiceState;
  /** One line on what the service is doing, e.g. "listening on 127.0.0.1:6969". */
  detail?: string;
}

export interface AppStatus {
  version: string;
  host: 'electron' | 'browser' | 'cli';
  platform: string;
  dataDir: string;
  services: ServiceStatus[];
  /** Set when the settings file was corrupt and moved aside at start. */
  settingsNotice?: string;
}

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export const settingsSchema = z.object({
  language: z.enum(LANGUAGES).default('en'),
  tftp: z
    .object({
      maxBlksize: z.number().int().min(8).max(65464).default(1468),
      maxWindowsize: z.number().int().min(1).max(64).default(16),
      rolloverTo: z.union([z.literal(0), z.literal(1)]).default(0),
      timeoutSeconds: z.number().int().min(1).max(255).default(3),
      retries: z.number().int().min(1).max(20).default(6),
    })
    .default({ maxBlksize: 1468, maxWindowsize: 16, rolloverTo: 0, timeoutSeconds: 3, retries: 6 }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z.object({
  language: z.enum(LANGUAGES).optional(),
  tftp: z
    .object({
      maxBlksize: z.number().int().min(8).max(65464).optional(),
      maxWindowsize: z.number().int().min(1).max(64).optional(),
      rolloverTo: z.union([z.literal(0), z.literal(1)]).optional(),
      timeoutSeconds: z.number().int().min(1).max(255).optional(),
      retries: z.number().int().min(1).max(20).optional(),
    })
    .optional(),
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
