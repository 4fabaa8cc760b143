import { SIP_DEFAULT_CNF, ctlSepName, sepCnfXmlName, sipMacCnfName } from '../../../shared/cisco/phone-files';
import { applicationBoot } from './application-boot';
import type { BootContext, Step } from './boot-context';
import { sepCnfLoad, sipCnfImage, xmlDefaultLoad } from './config-image-names';
import { installViaLoads } from './image-install';
import { PHONE_MESSAGES } from './phone-messages';

/**
 * Universal loader era: the loader hunts for a config file (CTLSEP, SEP, SIP<MAC>, XMLDefault, SIPDefault),
 * the first one found decides protocol and image, then `.loads`, `.sbn`, `.sb2` install it.
 */
export async function loaderBoot(ctx: BootContext): Promise<Step> {
  ctx.setState('requesting-config', 'config hunt');
  const ctl = ctlSepName(ctx.mac);
  const rounds = ctx.traits.huntRounds;
  const { found, unanswered } = await hunt(ctx);
  if (found === undefined) {
    if (unanswered > 0) {
      return ctx.failed(
        PHONE_MESSAGES.tftpTimeout,
        `looped on ${ctl} / ${sepCnfXmlName(ctx.mac)} ${rounds} times without answers (stopped by the simulator); the TFTP server must answer "file not found" at once`,
      );
    }
    if (ctx.flash.app === undefined) {
      return ctx.failed(PHONE_MESSAGES.noLoadSpecified, 'flash holds no image and no config file was found');
    }
    ctx.notice('no config file found: the loader starts the application in flash', true);
    return applicationBoot(ctx);
  }
  const image = await imageNamedBy(ctx, found.name, found.text);
  if (image === undefined) {
    if (ctx.flash.app === undefined) {
      const message = found.name.endsWith('.cnf.xml') ? PHONE_MESSAGES.protocolApplicationInvalid : PHONE_MESSAGES.noLoadSpecified;
      return ctx.failed(message, `${found.name} names no image and flash holds none`);
    }
    return applicationBoot(ctx);
  }
  if (image === ctx.flash.app) {
    // The field log shows the loader asking for the .loads of the image it already runs.
    await ctx.get(`${image}.loads`);
    return applicationBoot(ctx);
  }
  return (await installViaLoads(ctx, image, found.name)) ?? applicationBoot(ctx);
}

/** The hunt's rounds: the first config file found, or how many files of the last round got no answer. */
async function hunt(ctx: BootContext): Promise<{ found: { name: string; text: string } | undefined; unanswered: number }> {
  const ctl = ctlSepName(ctx.mac);
  const names = [ctl, sepCnfXmlName(ctx.mac), sipMacCnfName(ctx.mac), ctx.traits.xmlDefaultName, SIP_DEFAULT_CNF];
  const rounds = ctx.traits.huntRounds;
  let found: { name: string; text: string } | undefined;
  let unanswered = 0;
  for (let round = 1; round <= rounds && found === undefined; round++) {
    unanswered = 0;
    for (const name of names) {
      const r = await ctx.get(name);
      if (r.result === 'ok' && name !== ctl) {
        found = { name, text: (r.data ?? Buffer.alloc(0)).toString('latin1') };
        break;
      }
      // Only silence makes the loader hunt again; "not found" or an error is an answer (field reports).
      if (r.result === 'timeout') unanswered++;
      // Silence on both CTLSEP and SEP: the loader starts over on that pair (the loop seen in the field).
      if (name === names[1] && unanswered === 2) break;
    }
    if (found !== undefined || unanswered === 0 || round === rounds) break;
    ctx.notice(`config hunt round ${round}/${rounds}: ${unanswered} file(s) got no answer; hunting again`, true);
  }
  return { found, unanswered };
}

/** The image the first config found in the hunt names (loadInformation or image_version). */
async function imageNamedBy(ctx: BootContext, name: string, text: string): Promise<string | undefined> {
  if (name === sepCnfXmlName(ctx.mac)) return sepCnfLoad(text);
  if (name === ctx.traits.xmlDefaultName) return xmlDefaultLoad(text, ctx.model);
  const own = sipCnfImage(text);
  if (own !== undefined || name === SIP_DEFAULT_CNF) return own;
  // SIP<MAC>.cnf without image_version: the default file may carry it (inferred).
  ctx.notice(`${name} has no image_version: reading ${SIP_DEFAULT_CNF} for it`, true);
  const def = await ctx.get(SIP_DEFAULT_CNF);
  return def.result === 'ok' && def.data !== undefined ? sipCnfImage(def.data.toString('latin1')) : undefined;
}
