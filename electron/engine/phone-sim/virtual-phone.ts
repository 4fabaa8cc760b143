import type { SimEvent, SimEventBody, SimFlash, SimOutcome, SimState, SimTftpResult } from '../../../shared/api/sim';
import { parseOs79xxTxt } from '../../../shared/cisco/config/os79xx-txt';
import { parseRinglistDat } from '../../../shared/cisco/config/ringlist-dat';
import { parseSepCnfXml } from '../../../shared/cisco/config/sep-cnf-xml';
import { effectiveSipValues, parseSipCnf } from '../../../shared/cisco/config/sip-cnf';
import { parseXmlDefaultCnfXml } from '../../../shared/cisco/config/xml-default-cnf-xml';
import { bootEra, formatFirmware, type FirmwareVersion } from '../../../shared/cisco/firmware-version';
import { parseImageName } from '../../../shared/cisco/image-name';
import {
  ctlSepName,
  DIALPLAN_XML,
  modelInfo,
  OS79XX_TXT,
  RINGLIST_DAT,
  SIP_DEFAULT_CNF,
  sepCnfXmlName,
  sipMacCnfName,
  XML_DEFAULT_CNF_XML,
  type PhoneModel,
} from '../../../shared/cisco/phone-files';
import { describeFlash, initialFlash } from './flash-state';
import { cfgDirPrefix, isSipUpTo21, judgeImage, loadsFollowers, refusedBelowFive, sipIgnoresLongSccpName } from './image-rules';
import { PHONE_MESSAGES } from './phone-messages';

/**
 * The virtual 7940/7960: boots the way the domain reference (sections 3 and 6) describes, in both eras, from
 * whatever a TFTP server serves, until nothing changes any more. Behaviour no reference confirms is announced
 * in a notice marked simulated.
 */

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

type Step = { kind: 'reboot'; why: string } | { kind: 'settle'; outcome: SimOutcome };

/** A stopped phone unwinds its boot with this. */
class Stopped extends Error {}

const MAX_REQUESTS_PER_BOOT = 64;
/** Ring files fetched from RINGLIST.DAT, at most. */
const MAX_RINGS = 8;
const DEFAULT_FLASH_WRITE_MS = 20_000;
const DEFAULT_SIP_DEFAULT_LIMIT = 2048;

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
  private seq = 0;
  private requestsThisBoot = 0;
  private current: Promise<SimOutcome | undefined> | undefined;

  constructor(private readonly options: VirtualPhoneOptions) {
    this.id = options.id;
    this.mac = options.mac;
    this.model = options.model;
    this.settings = { ip: options.ip ?? 'unknown', alternateTftp: true, tftpServer: options.tftpServer };
    this.flash = initialFlash(options.firmware);
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
    return this.flash.app === undefined ? undefined : parseImageName(this.flash.app)?.version;
  }

  private async loop(): Promise<SimOutcome | undefined> {
    const maxBoots = this.options.maxBoots ?? 8;
    try {
      for (let boot = 1; boot <= maxBoots; boot++) {
        this.requestsThisBoot = 0;
        this.setState('booting', this.flash.firmware ?? 'empty flash');
        const step = this.era() === 'loader' ? await this.loaderBoot() : await this.os79xxBoot();
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

  private era(): 'os79xx' | 'loader' {
    if (this.flash.loader !== undefined) return 'loader';
    const v = this.version();
    return v === undefined ? 'os79xx' : bootEra(v);
  }

  /** OS79XX.TXT era (SCCP up to 5.x, SIP up to 6.x): OS79XX.TXT first, then the protocol's own files. */
  private async os79xxBoot(): Promise<Step> {
    this.setState('requesting-config', OS79XX_TXT);
    const os = await this.get(OS79XX_TXT);
    if (os.result === 'timeout') return this.settleStep(this.fail(PHONE_MESSAGES.tftpTimeout, `${OS79XX_TXT}: ${os.message ?? 'no answer'}`));
    if (os.result === 'ok' && os.data !== undefined) {
      const { id } = parseOs79xxTxt(os.data.toString('latin1'));
      if (id !== '') {
        const current = this.flash.app ?? '';
        const named = parseImageName(id.trim());
        const otherFamily = id.slice(0, 4) !== current.slice(0, 4);
        const newLoader = named?.scheme === 'loader' && id !== this.flash.loader;
        if (this.flash.app === undefined || otherFamily || newLoader) {
          const step = await this.installSingle(id, OS79XX_TXT);
          if (step !== undefined) return step;
        }
      }
    }
    if (this.flash.app === undefined) {
      return this.settleStep(this.fail(PHONE_MESSAGES.noLoadSpecified, 'flash holds no image and no config file names one'));
    }
    return this.applicationBoot();
  }

  /** Universal loader era: the config hunt decides protocol and image, then `.loads`, `.sbn`, `.sb2`. */
  private async loaderBoot(): Promise<Step> {
    this.setState('requesting-config', 'config hunt');
    const ctl = ctlSepName(this.mac);
    const hunt = [ctl, sepCnfXmlName(this.mac), sipMacCnfName(this.mac), this.xmlDefaultName, SIP_DEFAULT_CNF];
    const rounds = this.options.huntRounds ?? 3;
    let found: { name: string; text: string } | undefined;
    let unanswered = 0;
    for (let round = 1; round <= rounds && found === undefined; round++) {
      unanswered = 0;
      for (const name of hunt) {
        const r = await this.get(name);
        if (r.result === 'ok' && name !== ctl) {
          found = { name, text: (r.data ?? Buffer.alloc(0)).toString('latin1') };
          break;
        }
        // Only silence makes the loader hunt again; "not found" or an error is an answer (field reports).
        if (r.result === 'timeout') unanswered++;
        // Silence on both CTLSEP and SEP: the loader starts over on that pair (the loop seen in the field).
        if (name === hunt[1] && unanswered === 2) break;
      }
      if (found !== undefined || unanswered === 0 || round === rounds) break;
      this.notice(`config hunt round ${round}/${rounds}: ${unanswered} file(s) got no answer; hunting again`, true);
    }
    if (found === undefined) {
      if (unanswered > 0) {
        return this.settleStep(
          this.fail(
            PHONE_MESSAGES.tftpTimeout,
            `looped on ${ctl} / ${sepCnfXmlName(this.mac)} ${rounds} times without answers (stopped by the simulator); the TFTP server must answer "file not found" at once`,
          ),
        );
      }
      if (this.flash.app === undefined) {
        return this.settleStep(this.fail(PHONE_MESSAGES.noLoadSpecified, 'flash holds no image and no config file was found'));
      }
      this.notice('no config file found: the loader starts the application in flash', true);
      return this.applicationBoot();
    }
    const image = await this.imageNamedBy(found.name, found.text);
    if (image === undefined) {
      if (this.flash.app === undefined) {
        const message = found.name.endsWith('.cnf.xml') ? PHONE_MESSAGES.protocolApplicationInvalid : PHONE_MESSAGES.noLoadSpecified;
        return this.settleStep(this.fail(message, `${found.name} names no image and flash holds none`));
      }
      return this.applicationBoot();
    }
    if (image === this.flash.app) {
      // The field log shows the loader asking for the .loads of the image it already runs.
      await this.get(`${image}.loads`);
      return this.applicationBoot();
    }
    return (await this.installViaLoads(image, found.name)) ?? this.applicationBoot();
  }

  /** The image the first config found in the hunt names (loadInformation or image_version). */
  private async imageNamedBy(name: string, text: string): Promise<string | undefined> {
    if (name === sepCnfXmlName(this.mac)) return nonEmpty(parseSepCnfXml(text).config.loadInformation);
    if (name === this.xmlDefaultName) return this.xmlDefaultLoad(text);
    const own = nonEmpty(parseSipCnf(text).values.image_version);
    if (own !== undefined || name === SIP_DEFAULT_CNF) return own;
    // SIP<MAC>.cnf without image_version: the default file may carry it (inferred).
    this.notice(`${name} has no image_version: reading ${SIP_DEFAULT_CNF} for it`, true);
    const def = await this.get(SIP_DEFAULT_CNF);
    return def.result === 'ok' && def.data !== undefined ? nonEmpty(parseSipCnf(def.data.toString('latin1')).values.image_version) : undefined;
  }

  private get xmlDefaultName(): string {
    return this.options.oddCaseXmlDefault === true ? 'xmlDefault.CNF.XML' : XML_DEFAULT_CNF_XML;
  }

  private xmlDefaultLoad(text: string): string | undefined {
    const typeId = modelInfo(this.model).deviceTypeId;
    return nonEmpty(parseXmlDefaultCnfXml(text).config.loads.find((l) => l.typeId === typeId)?.loadId);
  }

  /** The running application reads its protocol's config files. */
  private async applicationBoot(): Promise<Step> {
    const protocol = this.flash.protocol;
    switch (protocol) {
      case 'sip':
        return this.sipBoot();
      case 'sccp':
        return this.sccpBoot();
      case 'mgcp':
        this.notice('MGCP is not simulated: the phone runs its image without reading configs', true);
        return this.settleStep(this.running());
      case undefined:
        return this.settleStep(this.fail(PHONE_MESSAGES.noLoadSpecified, 'flash holds no image'));
      default: {
        const never: never = protocol;
        return never;
      }
    }
  }

  private async sipBoot(): Promise<Step> {
    this.setState('requesting-config', SIP_DEFAULT_CNF);
    const def = await this.get(SIP_DEFAULT_CNF);
    if (def.result === 'timeout') return this.settleStep(this.fail(PHONE_MESSAGES.tftpTimeout, `${SIP_DEFAULT_CNF}: ${def.message ?? 'no answer'}`));
    let defaults: Record<string, string> = {};
    if (def.result === 'ok' && def.data !== undefined) {
      const limit = this.options.sipDefaultLimitBytes ?? DEFAULT_SIP_DEFAULT_LIMIT;
      if (this.version()?.major === 2 && def.data.length > limit) {
        return this.settleStep(
          this.fail(
            PHONE_MESSAGES.bufferFull,
            `${SIP_DEFAULT_CNF} is ${def.data.length} bytes; this simulated SIP 2.x takes at most ${limit} (the real limit is unknown)`,
          ),
        );
      }
      defaults = parseSipCnf(def.data.toString('latin1')).values;
    }
    const perPhoneName = cfgDirPrefix(defaults.tftp_cfg_dir) + sipMacCnfName(this.mac);
    const per = await this.get(perPhoneName);
    if (per.result === 'timeout') return this.settleStep(this.fail(PHONE_MESSAGES.tftpTimeout, `${perPhoneName}: ${per.message ?? 'no answer'}`));
    const perPhone = per.result === 'ok' && per.data !== undefined ? parseSipCnf(per.data.toString('latin1')).values : {};
    this.config = effectiveSipValues(defaults, perPhone);
    const image = nonEmpty(this.config.image_version);
    if (image !== undefined && image !== this.flash.app) {
      const step = this.era() === 'loader' ? await this.installViaLoads(image, 'image_version') : await this.installSingle(image, 'image_version');
      if (step !== undefined) return step;
    }
    const [ringlist] = await Promise.all([this.get(RINGLIST_DAT), this.get(DIALPLAN_XML)]);
    if (ringlist.result === 'ok' && ringlist.data !== undefined) {
      // Then the ring files it lists (ringer2.pcm in the source document's log); a missing one is no error.
      const rings = parseRinglistDat(ringlist.data.toString('latin1')).rings.slice(0, MAX_RINGS);
      for (const ring of rings) await this.get(ring.fileName);
    }
    return this.settleStep(this.running());
  }

  private async sccpBoot(): Promise<Step> {
    const sepName = sepCnfXmlName(this.mac);
    this.setState('requesting-config', sepName);
    const sep = await this.get(sepName);
    if (sep.result === 'timeout') return this.settleStep(this.fail(PHONE_MESSAGES.tftpTimeout, `${sepName}: ${sep.message ?? 'no answer'}`));
    let load: string | undefined;
    if (sep.result === 'ok' && sep.data !== undefined) {
      load = nonEmpty(parseSepCnfXml(sep.data.toString('latin1')).config.loadInformation);
    } else {
      const def = await this.get(this.xmlDefaultName);
      if (def.result === 'ok' && def.data !== undefined) load = this.xmlDefaultLoad(def.data.toString('latin1'));
    }
    if (load !== undefined && load !== this.flash.app) {
      const step = this.era() === 'loader' ? await this.installViaLoads(load, 'loadInformation') : await this.installSingle(load, 'loadInformation');
      if (step !== undefined) return step;
    }
    return this.settleStep(this.running());
  }

  /**
   * OS79XX-era install of one image file named by `source`. Undefined when the phone ignores the name and
   * carries on booting what it has.
   */
  private async installSingle(id: string, source: string): Promise<Step | undefined> {
    const target = parseImageName(id.trim());
    if (sipIgnoresLongSccpName(this.version(), target, id)) {
      this.notice(`${this.flash.firmware ?? 'this SIP'} ignores the SCCP load ${id} named by ${source}: its name is longer than 8.3`, false);
      return undefined;
    }
    if (target !== undefined && refusedBelowFive(this.flash.signed, target.version)) return this.belowFive(id, target.version);
    this.setState('upgrading', `${source} names ${id}`);
    if (target !== undefined && this.options.stateErrorOldSccpToSip34 === true && oldSccpToSip34(this.version(), target.version)) {
      return this.stateError(`${id}.bin`);
    }
    const names = this.flash.signed ? [`${id}.sbn`, `${id}.bin`] : [`${id}.bin`];
    if (this.flash.signed) this.notice(`a signed phone asks for ${names[0] ?? ''} before ${names[1] ?? ''}`, true);
    let got: { name: string; data: Buffer } | undefined;
    for (const name of names) {
      const r = await this.get(name);
      if (r.result === 'ok' && r.data !== undefined) {
        got = { name, data: r.data };
        break;
      }
      if (r.result !== 'not-found') return this.settleStep(this.fail(PHONE_MESSAGES.protocolApplicationInvalid, `${name}: ${r.message ?? r.result}`));
    }
    if (got === undefined) {
      return this.settleStep(
        this.fail(PHONE_MESSAGES.protocolApplicationInvalid, `${names.map((n) => `'${n}'`).join(' or ')} (named by ${source}) not found on the TFTP server`),
      );
    }
    if (target === undefined) {
      return this.settleStep(this.fail(PHONE_MESSAGES.protocolApplicationInvalid, `'${id}' (named by ${source}) is not an image name this phone can run`));
    }
    const verdict = judgeImage(got.name, got.data, this.flash.signed, isSipUpTo21(this.version()));
    if (!verdict.ok) return this.settleStep(this.fail(PHONE_MESSAGES.imageAuthenticationFailed, verdict.detail));
    if (!verdict.synthetic) this.notice(`${got.name} is not a synthetic image: accepted by its extension only`, true);
    // A loader-era release taken as one file is its loader (as P003-8-12-00.bin/.sbn is): the loader then
    // fetches the application itself after the reboot (inferred from the zips' contents).
    const asLoader = target.scheme === 'loader' || bootEra(target.version) === 'loader';
    if (asLoader && target.scheme !== 'loader') this.notice(`${got.name} is taken as the loader of ${target.id}; its application follows after the reboot`, true);
    await this.writeFlash(asLoader ? { loader: target.id } : { app: target.id });
    return { kind: 'reboot', why: `new ${asLoader ? 'loader' : 'image'} ${target.id}` };
  }

  /** Loader-era install: `<id>.loads`, then the loader and application it names (inferred by name). */
  private async installViaLoads(id: string, source: string): Promise<Step | undefined> {
    const target = parseImageName(id);
    if (target === undefined) {
      return this.settleStep(this.fail(PHONE_MESSAGES.protocolApplicationInvalid, `'${id}' (named by ${source}) is not an image name this phone can run`));
    }
    if (refusedBelowFive(this.flash.signed, target.version)) return this.belowFive(id, target.version);
    this.setState('upgrading', `${source} names ${id}`);
    // Releases of the OS79XX.TXT era ship one signed image and no .loads (inferred from their packages).
    const oldEra = bootEra(target.version) === 'os79xx';
    const loads = oldEra ? undefined : await this.get(`${id}.loads`);
    if (loads?.result === 'ok') {
      const follow = loadsFollowers(id);
      this.notice(`the .loads format is unknown: taking loader ${follow.loaderFile} and application ${follow.appFile} by name`, true);
      let newLoader: string | undefined;
      if (follow.loaderId !== this.flash.loader) {
        const loader = await this.get(follow.loaderFile);
        if (loader.result !== 'ok' || loader.data === undefined) {
          return this.settleStep(this.fail(PHONE_MESSAGES.protocolApplicationInvalid, `loader ${follow.loaderFile}: ${loader.message ?? loader.result}`));
        }
        const verdict = judgeImage(follow.loaderFile, loader.data, this.flash.signed);
        if (!verdict.ok) return this.settleStep(this.fail(PHONE_MESSAGES.imageAuthenticationFailed, verdict.detail));
        newLoader = follow.loaderId;
      }
      const app = await this.get(follow.appFile);
      if (app.result !== 'ok' || app.data === undefined) {
        if (newLoader !== undefined) await this.writeFlash({ loader: newLoader });
        return this.settleStep(
          this.fail(PHONE_MESSAGES.protocolApplicationInvalid, `the loader has no application: ${follow.appFile} ${app.message ?? app.result}`),
        );
      }
      const verdict = judgeImage(follow.appFile, app.data, this.flash.signed);
      if (!verdict.ok) return this.settleStep(this.fail(PHONE_MESSAGES.imageAuthenticationFailed, verdict.detail));
      await this.writeFlash({ loader: newLoader ?? this.flash.loader, app: id });
      return { kind: 'reboot', why: `new image ${id}` };
    }
    if (loads !== undefined && loads.result !== 'not-found') {
      return this.settleStep(this.fail(PHONE_MESSAGES.protocolApplicationInvalid, `${id}.loads: ${loads.message ?? loads.result}`));
    }
    this.notice(`${oldEra ? `${id} predates the loader` : `${id}.loads not found`}: taking the single signed image ${id}.sbn`, true);
    const single = await this.get(`${id}.sbn`);
    if (single.result !== 'ok' || single.data === undefined) {
      return this.settleStep(
        this.fail(PHONE_MESSAGES.protocolApplicationInvalid, `neither ${id}.loads nor ${id}.sbn (named by ${source}) could be loaded`),
      );
    }
    const verdict = judgeImage(`${id}.sbn`, single.data, this.flash.signed);
    if (!verdict.ok) return this.settleStep(this.fail(PHONE_MESSAGES.imageAuthenticationFailed, verdict.detail));
    // An OS79XX-era image boots by itself: the phone goes back to reading OS79XX.TXT first.
    await this.writeFlash(oldEra ? { loader: undefined, app: id } : { app: id });
    return { kind: 'reboot', why: `new image ${id}` };
  }

  /** Three tries, each refused after the first block, as in the source document's server log. */
  private async stateError(name: string): Promise<Step> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      await this.get(name, { abortAfterBlock: 1, abortMessage: 'State Error' }, 'State Error');
    }
    return this.settleStep(
      this.fail(PHONE_MESSAGES.tftpError, `${name} failed 3 times with State Error (simulated: old SCCP loading SIP 3.x/4.x); go through SIP 2.3 first`),
    );
  }

  private belowFive(id: string, v: FirmwareVersion): Step {
    return this.settleStep(
      this.fail(
        PHONE_MESSAGES.imageAuthenticationFailed,
        `${id} (${formatFirmware(v)}) is below 5.0 and the phone runs a signed image: it never goes back below 5.0`,
      ),
    );
  }

  private async writeFlash(patch: { loader?: string | undefined; app?: string }): Promise<void> {
    const what = [patch.loader, patch.app].filter((x) => x !== undefined).join(' + ');
    this.setState('flash-write', what);
    const ms = this.options.flashWriteMs ?? DEFAULT_FLASH_WRITE_MS;
    const sleep = this.options.sleep ?? abortableSleep;
    if (this.abort.signal.aborted) throw new Stopped();
    await sleep(ms, this.abort.signal);
    if (this.abort.signal.aborted) throw new Stopped();
    const next: { loader?: string; app?: string } = {};
    const loader = 'loader' in patch ? patch.loader : this.flash.loader;
    if (loader !== undefined) next.loader = loader;
    const app = patch.app ?? this.flash.app;
    if (app !== undefined) next.app = app;
    this.flash = describeFlash(next.app, next.loader);
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

  private fail(message: string, detail: string): SimOutcome {
    const outcome: SimOutcome = { kind: 'error', message, detail };
    if (this.flash.firmware !== undefined) outcome.firmware = this.flash.firmware;
    return outcome;
  }

  private settleStep(outcome: SimOutcome): Step {
    return { kind: 'settle', outcome };
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
      } catch {
        // an observer's failure never stops the phone
      }
    }
  }
}

function oldSccpToSip34(phone: FirmwareVersion | undefined, target: FirmwareVersion): boolean {
  return phone?.protocol === 'SCCP' && phone.major < 5 && target.protocol === 'SIP' && (target.major === 3 || target.major === 4);
}

function nonEmpty(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t === undefined || t === '' ? undefined : t;
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
