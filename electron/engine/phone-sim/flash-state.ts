import type { SimFlash } from '../../../shared/api/sim';
import { bootEra, formatFirmware, isSigned, type BootEra, type FirmwareVersion } from '../../../shared/cisco/firmware-version';
import { imageIdFor, loaderIdFor, parseImageName } from '../../../shared/cisco/image-name';

/** What the virtual phone's flash holds, described from the image ids in it. */

/** Flash facts from the ids it holds. */
export function describeFlash(app: string | undefined, loader: string | undefined): SimFlash {
  const flash: SimFlash = { signed: false };
  if (loader !== undefined) flash.loader = loader;
  if (app === undefined) return flash;
  flash.app = app;
  const parsed = parseImageName(app);
  if (parsed !== undefined) {
    flash.firmware = formatFirmware(parsed.version);
    flash.protocol = parsed.version.protocol === 'SIP' ? 'sip' : parsed.version.protocol === 'SCCP' ? 'sccp' : 'mgcp';
    flash.signed = isSigned(parsed.version);
  }
  return flash;
}

/** Loader ids public sources name (the 7.4 and 8.12 packages, the 8.11 files in a CME guide example). */
const KNOWN_SIP_LOADERS: ReadonlySet<string> = new Set(['P003-07-4-00', 'P003-08-11-00', 'P003-8-12-00']);

/**
 * Power-on flash for a firmware label: the application, and a loader for loader-era releases. A SIP release
 * whose loader name no source gives gets a loader marked as the simulator's, never a made-up id; for SCCP 6.x on
 * the loader keeps the load's own name, as the SCCP package's .sbn does (inferred).
 */
export function initialFlash(v: FirmwareVersion | undefined): SimFlash {
  if (v === undefined) return { signed: false };
  const app = imageIdFor(v);
  if (bootEra(v) !== 'loader') return describeFlash(app, undefined);
  if (v.protocol !== 'SIP') return describeFlash(app, app);
  const named = loaderIdFor(v);
  return describeFlash(app, named !== undefined && KNOWN_SIP_LOADERS.has(named) ? named : `[sim] loader of ${formatFirmware(v)}, name unknown`);
}

/** The running application's version; undefined for an empty flash or an id that is not an image name. */
export function flashVersion(flash: SimFlash): FirmwareVersion | undefined {
  return flash.app === undefined ? undefined : parseImageName(flash.app)?.version;
}

/** How the phone boots from this flash: a loader hunts for configs; otherwise the application's era decides. */
export function flashBootEra(flash: SimFlash): BootEra {
  if (flash.loader !== undefined) return 'loader';
  const v = flashVersion(flash);
  return v === undefined ? 'os79xx' : bootEra(v);
}
