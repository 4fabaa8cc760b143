import type { SimFlash, SimOutcome, SimState, SimTftpResult } from '../../../shared/api/sim';
import type { PhoneModel } from '../../../shared/cisco/phone-files';
import type { PhoneMessage } from './phone-messages';

/** What the boot procedures (os79xx-boot, loader-hunt, application-boot, image-install) share with the phone. */

export interface FetchResult {
  result: SimTftpResult;
  data?: Buffer;
  message?: string;
}

/** How a fetch should misbehave on purpose: stop after a block with an error (the simulated State Error). */
export interface FetchQuirks {
  abortAfterBlock: number;
  abortMessage: string;
}

/** Fetches one file for the phone (its TFTP client in real use; a map in unit tests). */
export type FileFetcher = (fileName: string, signal: AbortSignal, quirks?: FetchQuirks) => Promise<FetchResult>;

/** How one boot ends: the phone reboots (and boots again), or it settles on an outcome. */
export type Step = { kind: 'reboot'; why: string } | { kind: 'settle'; outcome: SimOutcome };

/** Where phones differ, resolved from the phone's options with their defaults. */
export interface PhoneTraits {
  /** Rounds of the loader's config hunt when the server does not answer. */
  huntRounds: number;
  /** SIP 2.x refuses a SIPDefault.cnf above this size (simulated). */
  sipDefaultLimitBytes: number;
  /** Old SCCP (below 5.0) loading SIP 3.x/4.x fails with TFTP "State Error" (simulated). */
  stateErrorOldSccpToSip34: boolean;
  /** The spelling of XMLDefault.cnf.xml this phone asks for. */
  xmlDefaultName: string;
}

/** What a boot procedure may see and do on the phone; the phone keeps its lifecycle and events to itself. */
export interface BootContext {
  readonly mac: string;
  readonly model: PhoneModel;
  readonly traits: PhoneTraits;
  /** Flash as it is now: it changes after writeFlash. */
  readonly flash: SimFlash;
  /** One TFTP read, reported as an event; `refusal` makes the phone end it as failed whatever arrived. */
  get(fileName: string, quirks?: FetchQuirks, refusal?: string): Promise<FetchResult>;
  /** Writes flash (taking the flash-write time); `loader: undefined` erases the loader. */
  writeFlash(patch: { loader?: string | undefined; app?: string }): Promise<void>;
  setState(state: SimState, detail?: string): void;
  /** The values its SIP config files gave it. */
  setConfig(values: Record<string, string>): void;
  notice(message: string, simulated: boolean): void;
  /** Settles running what flash holds. */
  running(): Step;
  /** Settles on an error: what the phone shows, and the simulator's detail. */
  failed(message: PhoneMessage, detail: string): Step;
}
