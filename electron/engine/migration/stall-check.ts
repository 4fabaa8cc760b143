import type { MigrateStartParams } from '../../../shared/api/migrate';
import { PhonebenchError } from '../../../shared/api/result';
import { bootEra, formatFirmware, type FirmwareVersion } from '../../../shared/cisco/firmware-version';
import { parseImageName } from '../../../shared/cisco/image-name';
import { macOfFileName, OS79XX_TXT } from '../../../shared/cisco/phone-files';
import { msg, type Message } from '../../../shared/i18n/message';
import type { RefusedRecord } from './refused-log';
import { sameTftpName, type RunnerHop } from './runner-plan';

/**
 * States a phone cannot leave by itself (issue 19): the run fails there, with the fix, instead of saying
 * "migrating" while the phone shows "Protocol Application Invalid".
 */

export interface Stall {
  /** The timeline code of the failure, for scripts and tests. */
  code: 'stall-os79xx-refused' | 'stall-image-missing' | 'stall-wrong-address';
  message: Message;
  fix: Message;
}

/**
 * A phone of the OS79XX.TXT era asks first for OS79XX.TXT, which names no phone: the single-phone gate can only
 * admit it when the phone's address is known. Checked before any socket opens; the demo's phone is on loopback.
 */
export function checkAddressForBoot(params: Pick<MigrateStartParams, 'demo' | 'phoneIp' | 'dhcp'>, from: FirmwareVersion | undefined): void {
  if (params.demo || !from || params.phoneIp || params.dhcp) return;
  if (bootEra(from) !== 'os79xx') return;
  throw new PhonebenchError('bad-request', msg('migrate.phoneIpNeeded', { firmware: formatFirmware(from) }), msg('migrate.phoneIpNeeded.fix'));
}

/** The phone's own requests refused before it was known: OS79XX.TXT among them, when the hop needs it, is a stall. */
export function refusedOwnStall(own: readonly RefusedRecord[], hop: RunnerHop | undefined, ip: string): Stall | undefined {
  if (!hop?.expectedRequests.some((name) => sameTftpName(name, OS79XX_TXT))) return undefined;
  if (!own.some((r) => sameTftpName(r.file, OS79XX_TXT))) return undefined;
  return { code: 'stall-os79xx-refused', message: msg('migrate.stall.os79xxRefused', { ip }), fix: msg('migrate.stall.os79xxRefused.fix', { ip }) };
}

/**
 * An image the phone asked for as its last resort, and nobody has: the phone stops there. A `.bin`, an `.sb2`,
 * the `.loads` of a loader-era release (every such package ships one; the phone takes no lone `.sbn` instead),
 * or an `.sbn` after its `.loads` is; an `.sbn` before `.bin` in the OS79XX.TXT era is not yet the end.
 * `asked` is what the phone asked for before, in order.
 */
export function missingImageStall(file: string, from: string, asked: readonly string[]): Stall | undefined {
  const base = file.replace(/^(\.\/)+/, '').split('/').pop() ?? '';
  const image = parseImageName(base);
  const ext = image?.extension?.toLowerCase();
  if (!image || ext === undefined) return undefined;
  const last =
    ext === 'bin' ||
    ext === 'sb2' ||
    (ext === 'loads' && bootEra(image.version) === 'loader') ||
    (ext === 'sbn' && asked.some((name) => sameTftpName(name, `${image.id}.loads`)));
  if (!last) return undefined;
  return { code: 'stall-image-missing', message: msg('migrate.stall.imageMissing', { file: base }), fix: msg('migrate.stall.imageMissing.fix', { from }) };
}

/** A request naming this phone's MAC from another address than the one entered: nothing will ever be served. */
export function wrongAddressStall(file: string, client: string, mac: string, ip: string | undefined): Stall | undefined {
  if (ip === undefined || client === ip || macOfFileName(file)?.mac !== mac) return undefined;
  return {
    code: 'stall-wrong-address',
    message: msg('migrate.stall.wrongAddress', { file, client, ip }),
    fix: msg('migrate.stall.wrongAddress.fix', { client }),
  };
}
