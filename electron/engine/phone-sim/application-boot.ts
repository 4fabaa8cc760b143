import { parseRinglistDat } from '../../../shared/cisco/config/ringlist-dat';
import { effectiveSipValues, parseSipCnf } from '../../../shared/cisco/config/sip-cnf';
import { DIALPLAN_XML, RINGLIST_DAT, SIP_DEFAULT_CNF, sepCnfXmlName, sipMacCnfName } from '../../../shared/cisco/phone-files';
import type { BootContext, Step } from './boot-context';
import { nonEmpty, sepCnfLoad, xmlDefaultLoad } from './config-image-names';
import { flashBootEra, flashVersion } from './flash-state';
import { cfgDirPrefix } from './image-rules';
import { installForEra } from './image-install';
import { PHONE_MESSAGES } from './phone-messages';

/**
 * The application in flash reads its protocol's config files (either era), upgrades when they name another
 * image, and otherwise settles running.
 */

export async function applicationBoot(ctx: BootContext): Promise<Step> {
  const protocol = ctx.flash.protocol;
  switch (protocol) {
    case 'sip':
      return sipBoot(ctx);
    case 'sccp':
      return sccpBoot(ctx);
    case 'mgcp':
      ctx.notice('MGCP is not simulated: the phone runs its image without reading configs', true);
      return ctx.running();
    case undefined:
      return ctx.failed(PHONE_MESSAGES.noLoadSpecified, 'flash holds no image');
    default: {
      const never: never = protocol;
      return never;
    }
  }
}

/** SIPDefault.cnf, then SIP<MAC>.cnf (under tftp_cfg_dir), then RINGLIST.DAT with its rings (and dialplan.xml in the loader era). */
async function sipBoot(ctx: BootContext): Promise<Step> {
  ctx.setState('requesting-config', SIP_DEFAULT_CNF);
  const def = await ctx.get(SIP_DEFAULT_CNF);
  if (def.result === 'timeout') return ctx.failed(PHONE_MESSAGES.tftpTimeout, `${SIP_DEFAULT_CNF}: ${def.message ?? 'no answer'}`);
  let defaults: Record<string, string> = {};
  if (def.result === 'ok' && def.data !== undefined) {
    const limit = ctx.traits.sipDefaultLimitBytes;
    if (flashVersion(ctx.flash)?.major === 2 && def.data.length > limit) {
      return ctx.failed(
        PHONE_MESSAGES.bufferFull,
        `${SIP_DEFAULT_CNF} is ${def.data.length} bytes; this simulated SIP 2.x takes at most ${limit} (the real limit is unknown)`,
      );
    }
    defaults = parseSipCnf(def.data.toString('latin1')).values;
  }
  const perPhoneName = cfgDirPrefix(defaults.tftp_cfg_dir) + sipMacCnfName(ctx.mac);
  const per = await ctx.get(perPhoneName);
  if (per.result === 'timeout') return ctx.failed(PHONE_MESSAGES.tftpTimeout, `${perPhoneName}: ${per.message ?? 'no answer'}`);
  const perPhone = per.result === 'ok' && per.data !== undefined ? parseSipCnf(per.data.toString('latin1')).values : {};
  const config = effectiveSipValues(defaults, perPhone);
  ctx.setConfig(config);
  const image = nonEmpty(config.image_version);
  if (image !== undefined && image !== ctx.flash.app) {
    const step = await installForEra(ctx, image, 'image_version');
    if (step !== undefined) return step;
  }
  // dialplan.xml, together with RINGLIST.DAT, is in the field log of a loader-era phone (SIP 8.12); the source
  // document's log of an older SIP phone asks for RINGLIST.DAT only.
  const askDialplan = flashBootEra(ctx.flash) === 'loader';
  const [ringlist] = await Promise.all([ctx.get(RINGLIST_DAT), ...(askDialplan ? [ctx.get(DIALPLAN_XML)] : [])]);
  if (ringlist.result === 'ok' && ringlist.data !== undefined) {
    // The source document's log shows one ring file after RINGLIST.DAT (ringer2.pcm), not every entry. Which
    // one a phone takes is not documented: the simulator takes the first listed. A missing one is no error.
    const ring = parseRinglistDat(ringlist.data.toString('latin1')).rings[0];
    if (ring !== undefined) {
      ctx.notice(`fetching one ring file of RINGLIST.DAT (${ring.fileName}); which one a real phone fetches is not documented`, true);
      await ctx.get(ring.fileName);
    }
  }
  return ctx.running();
}

/** SEP<MAC>.cnf.xml, or XMLDefault.cnf.xml when it is missing: their load decides the image. */
async function sccpBoot(ctx: BootContext): Promise<Step> {
  const sepName = sepCnfXmlName(ctx.mac);
  ctx.setState('requesting-config', sepName);
  const sep = await ctx.get(sepName);
  if (sep.result === 'timeout') return ctx.failed(PHONE_MESSAGES.tftpTimeout, `${sepName}: ${sep.message ?? 'no answer'}`);
  let load: string | undefined;
  if (sep.result === 'ok' && sep.data !== undefined) {
    load = sepCnfLoad(sep.data.toString('latin1'));
  } else {
    const def = await ctx.get(ctx.traits.xmlDefaultName);
    if (def.result === 'ok' && def.data !== undefined) load = xmlDefaultLoad(def.data.toString('latin1'), ctx.model);
  }
  if (load !== undefined && load !== ctx.flash.app) {
    const step = await installForEra(ctx, load, 'loadInformation');
    if (step !== undefined) return step;
  }
  return ctx.running();
}
