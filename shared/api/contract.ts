import type { z } from 'zod';
import { appRequests, type AppEvents } from './app';
import type { RequestDef } from './define';
import { engineLogRequests } from './engine-log';
import { firmwareRequests, type FirmwareEvents } from './firmware';
import { historyRequests, type HistoryEvents } from './history';
import { migrateRequests, type MigrateEvents } from './migrate';
import { planRequests, type PlanEvents } from './plan';
import type { Result } from './result';
import { serialRequests, type SerialEvents } from './serial';
import { simRequests, type SimEvents } from './sim';
import { syslogRequests, type SyslogEvents } from './syslog';
import { tftpRequests, type TftpEvents } from './tftp';

/** Every request the engine answers, by name. Each domain owns its own file. */
export const requests = {
  ...appRequests,
  ...engineLogRequests,
  ...tftpRequests,
  ...firmwareRequests,
  ...serialRequests,
  ...planRequests,
  ...migrateRequests,
  ...simRequests,
  ...historyRequests,
  ...syslogRequests,
};

export type Requests = typeof requests;
export type RequestName = keyof Requests;

export type ParamsOf<N extends RequestName> = z.input<Requests[N]['params']>;
export type ParsedParamsOf<N extends RequestName> = z.output<Requests[N]['params']>;
export type ValueOf<N extends RequestName> = Requests[N] extends RequestDef<z.ZodType, infer V> ? V : never;
export type ResponseOf<N extends RequestName> = Result<ValueOf<N>>;

/** Every event the engine emits, by name. */
export interface Events
  extends AppEvents,
    TftpEvents,
    FirmwareEvents,
    SerialEvents,
    PlanEvents,
    MigrateEvents,
    SimEvents,
    HistoryEvents,
    SyslogEvents {}

export type EventName = keyof Events;

export const REQUEST_NAMES = Object.keys(requests) as RequestName[];

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requests, name);
}

/** The client side of the contract: what the renderer and tests hold. */
export interface PhonebenchClient {
  request<N extends RequestName>(name: N, params: ParamsOf<N>): Promise<ResponseOf<N>>;
  subscribe<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
}
