import type { SimEvent, SimEventBody, SimFlash, SimOutcome, SimState } from '../../../shared/api/sim';
import type { FirmwareVersion } from '../../../shared/cisco/firmware-version';
import { XML_DEFAULT_CNF_XML, type PhoneModel } from '../../../shared/cisco/phone-files';
import type { BootContext, FetchQuirks, FetchResult, FileFetcher, PhoneTraits, Step } from './boot-context';
import { describeFlash, flashBootEra, flashVersion, initialFlash } from './flash-state';
import { loaderBoot } from './loader-hunt';
import { os79xxBoot } from './os79xx-boot';
import { PHONE_MESSAGES, type PhoneMessage } from './phone-messages';
import { logSwallowed } from '../engine-log';

export type { FetchQuirks, FetchResult, FileFetcher } from './boot-context';

/**
 * The virtual 7940/7960: boots the way the domain reference (sections 3 and 6) describes, in both eras, from
 * whatever a TFTP server serves, until nothing changes any more. Behaviour no reference confirms is announced
 * in a notice marked simulated.
 *
 * This file is the phone's lifecycle and state machine: power on, one boot per era until a boot settles
 * instead of rebooting, stop, and the events it reports. What one boot does lives next to it:
 * - os79xx-boot.ts: OS79XX.TXT era (SCCP up to 5.x, SIP up to 6.x)
 * - loader-hunt.ts: universal loader era, the config hunt
 * - application-boot.ts: the application reads its SIP or SCCP config files
 * - image-install.ts: image download and flash install, in either era
 */

export interface VirtualPhoneOptions {
  id: string;
  /** 12 upper-case hex digits. */
  mac: string;
  model: PhoneModel;
  /** What flash holds at power-on; undefined for an empty flash. */
  firmware: FirmwareVersion | undefined;
  fetch: FileFetcher;
  /** Alternate TFTP server address shown in settings. */
  tftpServer: string;
  /** The phone's own address, shown in settings (the simulator's local address toward the server). */
  ip?: string;
  /** Time to write flash; ~20 s on a real phone (tests use a few ms). */
  flashWriteMs?: number;
  /** SIP 2.x refuses a SIPDefault.cnf above this size. The real limit is unknown: simulated. */
  sipDefaultLimitBytes?: number;
  /** Reboots before the simulator calls it a loop. */
  maxBoots?: number;
  /** Rounds of the loader's config hunt when the server does not answer. */
  huntRounds?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * Old SCCP (below 5.0) loading SIP 3.x/4.x fails with TFTP "State Error" in the source document's log; not
   * every phone does, so this is off unless asked for (simulated).
   */
  stateErrorOldSccpToSip34?: boolean;
  /** Ask for `xmlDefault.CNF.XML`, as some firmware does in field logs (the server must match any case). */
  oddCaseXmlDefault?: boolean;
}

/** A stopped phone unwinds its boot with this. */
class Stopped extends Error {}

const MAX_REQUESTS_PER_BOOT = 64;
const DEFAULT_FLASH_WRITE_MS = 20_000;
const DEFAULT_SIP_DEFAULT_LIMIT = 2048;
const DEFAULT_MAX_BOOTS = 8;
const DEFAULT_HUNT_ROUNDS = 3;

export class VirtualPhone {
  readonly id: string;
  readonly mac: string;
  readonly model: PhoneModel;
  readonly settings: { ip: string; alternateTftp: boolean; tftpServer: string };
  state: SimState = 'stopped';
  flash: SimFlash;
  /** The values its SIP config files gave it (passwords included: mask before showing). */
  config: Record<string, string> = {};
  outcome: SimOutcome | undefined;
  reboots = 0;

  private readonly listeners = new Set<(e: SimEvent) => void>();
  private readonly abort = new AbortController();
  private readonly bootContext: BootContext;
  private seq = 0;
  private requestsThisBoot = 0;
  private current: Promise<SimOutcome | undefined> | undefined;

  constructor(private readonly options: VirtualPhoneOptions) {
    this.id = options.id;
    this.mac = options.mac;
    this.model = options.model;
    this.settings = { ip: options.ip ?? 'unknown', alternateTftp: true, tftpServer: options.tftpServer };
    this.flash = initialFlash(options.firmware);
    this.bootContext = this.makeBootContext();
  }

  /** Returns the unsubscribe function. */
  onEvent(listener: (e: SimEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Powers the phone on (or resets it); resolves when it settles, undefined when stopped first. */
  boot(): Promise<SimOutcome | undefined> {
    if (this.abort.signal.aborted) return Promise.resolve(undefined);
    if (this.current !== undefined) return this.current;
    this.outcome = undefined;
    const run = this.loop().finally(() => {
      this.current = undefined;
    });
    this.current = run;
    return run;
  }

  get busy(): boolean {
    return this.current !== undefined;
  }

  /** Stops any boot in progress; the phone stays off. Idempotent. */
  stop(): void {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    this.setState('stopped');
  }

  /** The running image's version, from flash. */
  version(): FirmwareVersion | undefined {
    return flashVersion(this.flash);
  }

  /** Boots until one boot settles instead of rebooting; a phone that keeps rebooting is stopped as a loop. */
  private async loop(): Promise<SimOutcome | undefined> {
    const maxBoots = this.options.maxBoots ?? DEFAULT_MAX_BOOTS;
    try {
      for (let boot = 1; boot <= maxBoots; boot++) {
        this.requestsThisBoot = 0;
        this.setState('booting', this.flash.firmware ?? 'empty flash');
        const step = await this.bootOnce();
        if (step.kind === 'settle') return this.settle(step.outcome);
        this.reboots++;
        this.setState('reboot', step.why);
      }
      return this.settle(this.fail(PHONE_MESSAGES.bootLoop, `rebooted ${maxBoots} times without settling: the files served disagree`));
    } catch (e) {
      if (e instanceof Stopped) return undefined;
      return this.settle(this.fail(PHONE_MESSAGES.simulatorError, e instanceof Error ? e.message : String(e)));
    }
  }

  /** One boot, the way flash makes the phone boot. */
  private bootOnce(): Promise<Step> {
    const era = flashBootEra(this.flash);
    switch (era) {
      case 'loader':
        return loaderBoot(this.bootContext);
      case 'os79xx':
        return os79xxBoot(this.bootContext);
      default: {
        const never: never = era;
        return never;
      }
    }
  }

  /** What the boot procedures see of the phone. */
  private makeBootContext(): BootContext {
    const traits: PhoneTraits = {
      huntRounds: this.options.huntRounds ?? DEFAULT_HUNT_ROUNDS,
      sipDefaultLimitBytes: this.options.sipDefaultLimitBytes ?? DEFAULT_SIP_DEFAULT_LIMIT,
      stateErrorOldSccpToSip34: this.options.stateErrorOldSccpToSip34 === true,
      xmlDefaultName: this.options.oddCaseXmlDefault === true ? 'xmlDefault.CNF.XML' : XML_DEFAULT_CNF_XML,
    };
    const flashNow = (): SimFlash => this.flash;
    return {
      mac: this.mac,
      model: this.model,
      traits,
      get flash() {
        return flashNow();
      },
      get: (fileName, quirks, refusal) => this.get(fileName, quirks, refusal),
      writeFlash: (patch) => this.writeFlash(patch),
      setState: (state, detail) => this.setState(state, detail),
      setConfig: (values) => {
        this.config = values;
      },
      notice: (message, simulated) => this.notice(message, simulated),
      running: () => ({ kind: 'settle', outcome: this.running() }),
      failed: (message, detail) => ({ kind: 'settle', outcome: this.fail(message, detail) }),
    };
  }

  private async writeFlash(patch: { loader?: string | undefined; app?: string }): Promise<void> {
    const what = [patch.loader, patch.app].filter((x) => x !== undefined).join(' + ');
    this.setState('flash-write', what);
    const ms = this.options.flashWriteMs ?? DEFAULT_FLASH_WRITE_MS;
    const sleep = this.options.sleep ?? abortableSleep;
    if (this.abort.signal.aborted) throw new Stopped();
    await sleep(ms, this.abort.signal);
    if (this.abort.signal.aborted) throw new Stopped();
    const loader = 'loader' in patch ? patch.loader : this.flash.loader;
    this.flash = describeFlash(patch.app ?? this.flash.app, loader);
    this.emit({ kind: 'flash', flash: { ...this.flash } });
  }

  /** One TFTP read, reported as an event; `refusal` makes the phone end it as failed whatever arrived. */
  private async get(fileName: string, quirks?: FetchQuirks, refusal?: string): Promise<FetchResult> {
    if (this.abort.signal.aborted) throw new Stopped();
    if (++this.requestsThisBoot > MAX_REQUESTS_PER_BOOT) throw new Error(`more than ${MAX_REQUESTS_PER_BOOT} requests in one boot`);
    const fetched = await this.options.fetch(fileName, this.abort.signal, quirks);
    if (this.abort.signal.aborted) throw new Stopped();
    const r: FetchResult = refusal !== undefined && fetched.result !== 'not-found' ? { result: 'error', message: refusal } : fetched;
    const body: SimEventBody = { kind: 'tftp', file: fileName, result: r.result };
    if (r.data !== undefined) body.bytes = r.data.length;
    if (r.message !== undefined && r.result !== 'ok') body.message = r.message;
    this.emit(body);
    return r;
  }

  private running(): SimOutcome {
    const app = this.flash.app ?? '';
    return { kind: 'running', firmware: this.flash.firmware ?? app, image: app, protocol: this.flash.protocol ?? 'sccp' };
  }

  private fail(message: PhoneMessage, detail: string): SimOutcome {
    const outcome: SimOutcome = { kind: 'error', message, detail };
    if (this.flash.firmware !== undefined) outcome.firmware = this.flash.firmware;
    return outcome;
  }

  private settle(outcome: SimOutcome): SimOutcome {
    this.outcome = outcome;
    this.setState(outcome.kind === 'running' ? 'running' : 'error', outcome.kind === 'running' ? outcome.firmware : outcome.message);
    this.emit({ kind: 'settled', outcome });
    return outcome;
  }

  private notice(message: string, simulated: boolean): void {
    this.emit({ kind: 'notice', message, simulated });
  }

  private setState(state: SimState, detail?: string): void {
    this.state = state;
    this.emit(detail === undefined ? { kind: 'state', state } : { kind: 'state', state, detail });
  }

  private emit(body: SimEventBody): void {
    const event: SimEvent = { ...body, simId: this.id, seq: ++this.seq, at: new Date().toISOString() };
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // an observer's failure never stops the phone
        logSwallowed('sim', 'deliver phone event', error, { simId: this.id, kind: body.kind });
      }
    }
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
