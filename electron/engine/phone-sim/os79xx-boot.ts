import { parseOs79xxTxt } from '../../../shared/cisco/config/os79xx-txt';
import { OS79XX_TXT } from '../../../shared/cisco/phone-files';
import { applicationBoot } from './application-boot';
import type { BootContext, Step } from './boot-context';
import { installSingle } from './image-install';
import { PHONE_MESSAGES } from './phone-messages';

/**
 * OS79XX.TXT era (SCCP up to 5.x, SIP up to 6.x): OS79XX.TXT first; a new image it names is installed, and
 * then the application reads its protocol's own files.
 */
export async function os79xxBoot(ctx: BootContext): Promise<Step> {
  ctx.setState('requesting-config', OS79XX_TXT);
  const os = await ctx.get(OS79XX_TXT);
  if (os.result === 'timeout') return ctx.failed(PHONE_MESSAGES.tftpTimeout, `${OS79XX_TXT}: ${os.message ?? 'no answer'}`);
  if (os.result === 'ok' && os.data !== undefined) {
    const { id } = parseOs79xxTxt(os.data.toString('latin1'));
    if (id !== '') {
      const current = ctx.flash.app ?? '';
      // Installed here: any image into an empty flash, or another image family (the first four characters,
      // domain reference 3.1 step 3). A loader P003-... shares its first four characters with SCCP loads: an
      // SCCP phone carries on with its own boot (the field guides name the loader in XMLDefault.cnf.xml for it).
      const otherFamily = id.slice(0, 4) !== current.slice(0, 4);
      if (ctx.flash.app === undefined || otherFamily) {
        const step = await installSingle(ctx, id, OS79XX_TXT);
        if (step !== undefined) return step;
      }
    }
  }
  if (ctx.flash.app === undefined) {
    return ctx.failed(PHONE_MESSAGES.noLoadSpecified, 'flash holds no image and no config file names one');
  }
  return applicationBoot(ctx);
}
