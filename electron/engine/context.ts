import type { AppStatus, ServiceStatus } from '../../shared/api/app';
import type { Events, EventName, ParsedParamsOf, RequestName, ValueOf } from '../../shared/api/contract';
import type { AnyRequestDefs } from '../../shared/api/define';
import type { EngineLog } from './engine-log';
import type { EventBus } from './event-bus';
import type { SettingsStore } from './settings-store';

/** What every domain gets from the composition root. */
export interface EngineContext {
  dataDir: string;
  host: AppStatus['host'];
  settings: SettingsStore;
  events: EventBus<Events>;
  /** This engine's log (logs/engine.jsonl): where swallowed errors and throwing listeners are written. */
  log: EngineLog;
  /** Report a service's state; it shows in app:status and as a 'service:state' event. */
  reportService(status: ServiceStatus): void;
}

/** A handler gets parameters already checked by the contract's zod schema; it may throw PhonebenchError. */
export type Handler<N extends RequestName> = (params: ParsedParamsOf<N>) => Promise<ValueOf<N>> | ValueOf<N>;

export type HandlersFor<D extends AnyRequestDefs> = {
  [N in keyof D & RequestName]: Handler<N>;
};

/** A domain of the engine: its request handlers, and how to release what it holds. */
export interface Domain<D extends AnyRequestDefs> {
  handlers: HandlersFor<D>;
  /** Idempotent: stops servers, closes ports and files. */
  close(): Promise<void>;
}

export type EmitFn = <E extends EventName>(name: E, payload: Events[E]) => void;
