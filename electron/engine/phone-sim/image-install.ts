import { bootEra, formatFirmware, type FirmwareVersion } from '../../../shared/cisco/firmware-version';
import { parseImageName, type ImageName } from '../../../shared/cisco/image-name';
import type { BootContext, Step } from './boot-context';
import { flashBootEra, flashVersion } from './flash-state';
import { isSipUpTo21, judgeImage, loadsFollowers, refusedBelowFive, sipIgnoresLongSccpName } from './image-rules';
import { PHONE_MESSAGES } from './phone-messages';

/**
 * Downloading a new image and writing it to flash, the way the phone's era does it. Each install either
 * reboots the phone on the new flash, settles it on an error, or (undefined) lets it carry on booting.
 */

/** The install of the phone's boot era: one file before the loader, `.loads` after it. */
export function installForEra(ctx: BootContext, id: string, source: string): Promise<Step | undefined> {
  return flashBootEra(ctx.flash) === 'loader' ? installViaLoads(ctx, id, source) : installSingle(ctx, id, source);
}

/**
 * OS79XX-era install of one image file named by `source`. Undefined when the phone ignores the name and
 * carries on booting what it has.
 */
export async function installSingle(ctx: BootContext, id: string, source: string): Promise<Step | undefined> {
  const running = flashVersion(ctx.flash);
  const signed = ctx.flash.signed;
  const target = parseImageName(id.trim());
  if (sipIgnoresLongSccpName(running, target, id)) {
    ctx.notice(`${ctx.flash.firmware ?? 'this SIP'} ignores the SCCP load ${id} named by ${source}: its name is longer than 8.3`, false);
    return undefined;
  }
  if (target !== undefined && refusedBelowFive(signed, target.version)) return belowFive(ctx, id, target.version);
  if (target !== undefined && skipsSipChain(running, target)) {
    return ctx.failed(
      PHONE_MESSAGES.upgradeSequence,
      `${ctx.flash.firmware ?? 'this SIP'} cannot go straight to ${formatFirmware(target.version)} (${id}, named by ${source}): SIP 2.x-4.x upgrade through 4.4, 5.3 and 6.x first (Cisco CME guide)`,
    );
  }
  ctx.setState('upgrading', `${source} names ${id}`);
  if (target !== undefined && ctx.traits.stateErrorOldSccpToSip34 && oldSccpToSip34(running, target.version)) {
    return stateError(ctx, `${id}.bin`);
  }
  const names = signed ? [`${id}.sbn`, `${id}.bin`] : [`${id}.bin`];
  if (signed) ctx.notice(`a signed phone asks for ${names[0] ?? ''} before ${names[1] ?? ''}`, true);
  let got: { name: string; data: Buffer } | undefined;
  for (const name of names) {
    const r = await ctx.get(name);
    if (r.result === 'ok' && r.data !== undefined) {
      got = { name, data: r.data };
      break;
    }
    if (r.result !== 'not-found') return ctx.failed(PHONE_MESSAGES.protocolApplicationInvalid, `${name}: ${r.message ?? r.result}`);
  }
  if (got === undefined) {
    return ctx.failed(PHONE_MESSAGES.protocolApplicationInvalid, `${names.map((n) => `'${n}'`).join(' or ')} (named by ${source}) not found on the TFTP server`);
  }
  if (target === undefined) {
    return ctx.failed(PHONE_MESSAGES.protocolApplicationInvalid, `'${id}' (named by ${source}) is not an image name this phone can run`);
  }
  const verdict = judgeImage(got.name, got.data, signed, isSipUpTo21(running));
  if (!verdict.ok) return ctx.failed(PHONE_MESSAGES.imageAuthenticationFailed, verdict.detail);
  if (!verdict.synthetic) ctx.notice(`${got.name} is not a synthetic image: accepted by its extension only`, true);
  // A loader-era release taken as one file is its loader (as P003-8-12-00.bin/.sbn is): the loader then
  // fetches the application itself after the reboot (inferred from the zips' contents).
  const asLoader = target.scheme === 'loader' || bootEra(target.version) === 'loader';
  if (asLoader && target.protocol === 'SIP' && target.scheme !== 'loader') {
    // SIP 7.x on ships its application only as .loads/.sb2; a .bin/.sbn under the P0S3 name is in no package.
    ctx.notice(`${got.name} is in no SIP ${target.version.major}.x package (its .bin/.sbn is the loader P003-...): what a phone does with it is unknown; taken as invalid`, true);
    return ctx.failed(PHONE_MESSAGES.protocolApplicationInvalid, `${got.name} (named by ${source}) is not a loader; OS79XX.TXT names the loader for SIP 7.x on`);
  }
  if (target.scheme === 'loader' && running?.protocol === 'SCCP') {
    ctx.notice(`[field] an SCCP phone takes the loader ${target.id} named by ${source}: field practice (8.12 field guides, a 7.4 write-up), not in Cisco's documents`, true);
  }
  if (asLoader && target.scheme !== 'loader') ctx.notice(`${got.name} is taken as the loader of ${target.id}; its application follows after the reboot`, true);
  await ctx.writeFlash(asLoader ? { loader: target.id } : { app: target.id });
  return { kind: 'reboot', why: `new ${asLoader ? 'loader' : 'image'} ${target.id}` };
}

/**
 * Loader-era install: `<id>.loads`, then the loader it names, written and rebooted into; the new loader then
 * takes the application (`.sb2`) on its next boot. Loader and application names are inferred from the id.
 */
export async function installViaLoads(ctx: BootContext, id: string, source: string): Promise<Step | undefined> {
  const signed = ctx.flash.signed;
  const target = parseImageName(id);
  if (target === undefined) {
    return ctx.failed(PHONE_MESSAGES.protocolApplicationInvalid, `'${id}' (named by ${source}) is not an image name this phone can run`);
  }
  if (refusedBelowFive(signed, target.version)) return belowFive(ctx, id, target.version);
  ctx.setState('upgrading', `${source} names ${id}`);
  // Releases of the OS79XX.TXT era ship one signed image and no .loads (inferred from their packages).
  const oldEra = bootEra(target.version) === 'os79xx';
  const loads = oldEra ? undefined : await ctx.get(`${id}.loads`);
  if (loads?.result === 'ok') {
    const follow = loadsFollowers(id);
    ctx.notice(`the .loads format is unknown: taking loader ${follow.loaderFile} and application ${follow.appFile} by name`, true);
    if (follow.loaderId !== ctx.flash.loader) {
      const loader = await ctx.get(follow.loaderFile);
      if (loader.result !== 'ok' || loader.data === undefined) {
        return ctx.failed(PHONE_MESSAGES.protocolApplicationInvalid, `loader ${follow.loaderFile}: ${loader.message ?? loader.result}`);
      }
      const verdict = judgeImage(follow.loaderFile, loader.data, signed);
      if (!verdict.ok) return ctx.failed(PHONE_MESSAGES.imageAuthenticationFailed, verdict.detail);
      // The new loader goes to flash first and reboots; after the reboot it fetches the application itself.
      await ctx.writeFlash({ loader: follow.loaderId });
      return { kind: 'reboot', why: `new loader ${follow.loaderId}` };
    }
    const app = await ctx.get(follow.appFile);
    if (app.result !== 'ok' || app.data === undefined) {
      return ctx.failed(PHONE_MESSAGES.protocolApplicationInvalid, `the loader has no application: ${follow.appFile} ${app.message ?? app.result}`);
    }
    const verdict = judgeImage(follow.appFile, app.data, signed);
    if (!verdict.ok) return ctx.failed(PHONE_MESSAGES.imageAuthenticationFailed, verdict.detail);
    await ctx.writeFlash({ app: id });
    return { kind: 'reboot', why: `new image ${id}` };
  }
  if (loads !== undefined && loads.result !== 'not-found') {
    return ctx.failed(PHONE_MESSAGES.protocolApplicationInvalid, `${id}.loads: ${loads.message ?? loads.result}`);
  }
  if (!oldEra) {
    // Every loader-era package ships a .loads; taking a lone .sbn instead would be an undocumented exception.
    return ctx.failed(PHONE_MESSAGES.protocolApplicationInvalid, `${id}.loads (named by ${source}) not found on the TFTP server`);
  }
  ctx.notice(`${id} predates the loader: taking the single signed image ${id}.sbn`, true);
  const single = await ctx.get(`${id}.sbn`);
  if (single.result !== 'ok' || single.data === undefined) {
    return ctx.failed(PHONE_MESSAGES.protocolApplicationInvalid, `neither ${id}.loads nor ${id}.sbn (named by ${source}) could be loaded`);
  }
  const verdict = judgeImage(`${id}.sbn`, single.data, signed);
  if (!verdict.ok) return ctx.failed(PHONE_MESSAGES.imageAuthenticationFailed, verdict.detail);
  // An OS79XX-era image boots by itself: the phone goes back to reading OS79XX.TXT first.
  await ctx.writeFlash(oldEra ? { loader: undefined, app: id } : { app: id });
  return { kind: 'reboot', why: `new image ${id}` };
}

/** Three tries, each refused after the first block, as in the source document's server log. */
async function stateError(ctx: BootContext, name: string): Promise<Step> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await ctx.get(name, { abortAfterBlock: 1, abortMessage: 'State Error' }, 'State Error');
  }
  return ctx.failed(PHONE_MESSAGES.tftpError, `${name} failed 3 times with State Error (simulated: old SCCP loading SIP 3.x/4.x); go through SIP 2.3 first`);
}

function belowFive(ctx: BootContext, id: string, v: FirmwareVersion): Step {
  return ctx.failed(
    PHONE_MESSAGES.imageAuthenticationFailed,
    `${id} (${formatFirmware(v)}) is below 5.0 and the phone runs a signed image: it never goes back below 5.0`,
  );
}

/** SIP 2.x-4.x never jumps straight to SIP 7.x or later (its loader or its application). */
function skipsSipChain(phone: FirmwareVersion | undefined, target: ImageName): boolean {
  return phone?.protocol === 'SIP' && phone.major <= 4 && target.version.protocol === 'SIP' && target.version.major >= 7;
}

function oldSccpToSip34(phone: FirmwareVersion | undefined, target: FirmwareVersion): boolean {
  return phone?.protocol === 'SCCP' && phone.major < 5 && target.protocol === 'SIP' && (target.major === 3 || target.major === 4);
}
