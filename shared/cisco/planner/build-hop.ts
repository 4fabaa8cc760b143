import { assertNever } from '../../api/result';
import { CFGFMT_COMMAND, formatUpgradeCode, writeGkdefaultTxt } from '../config/gkdefault-txt';
import type { FirmwareVersion } from '../firmware-version';
import { bootEra, formatFirmware, isSigned } from '../firmware-version';
import { imageIdFor } from '../image-name';
import { GKDEFAULT_CFG, GKDEFAULT_TXT, OS79XX_TXT } from '../phone-files';
import { aliasFor, bootRequests, downloadRequests, imageFilesFor, os79xxIdFor } from './hop-files';
import {
  dialplanConfig,
  os79xxConfig,
  ringlistConfig,
  sepConfig,
  sipConfigs,
  xmlDefaultConfig,
} from './hop-configs';
import { KNOWN_R3_UPGRADE_CODES } from './known-firmware';
import type { FileAlias, Hop, PlanInput, PlannedConfig } from './plan-types';
import type { Step } from './route';
import { sipMacCnfName, SIP_DEFAULT_CNF } from '../phone-files';

/** A hop touches a SIP 2.x image when it starts or ends on one: serve the trimmed configs (W210 buffer full). */
export function isSip2xHop(s: Step): boolean {
  return (s.from.protocol === 'SIP' && s.from.major === 2) || (s.to.protocol === 'SIP' && s.to.major === 2);
}

export interface BuildOptions {
  input: PlanInput;
  mac: string;
  /** A SIP 2.x hop came before this one and trimmed the configs. */
  restoresFullConfig: boolean;
  r3Code?: { build: string; file: string };
}

const RESET = 'Reset the phone (power off and on) once the files are in the TFTP root.';

export function buildHop(index: number, s: Step, o: BuildOptions): Hop {
  const { input, mac } = o;
  const { from, to } = s;
  const minimal = isSip2xHop(s);
  const id = imageIdFor(to);
  const warnings: string[] = [];
  const aliases: FileAlias[] = [];
  const commands: string[] = [];
  const checklist: string[] = [];
  let configs: PlannedConfig[] = [];
  let requiredFiles = imageFilesFor(to, isSigned(from));
  let sepServed = false;
  let pre: string[] = [OS79XX_TXT];
  let download = downloadRequests(from, to, mac);
  const fullSip = (imageVersion: string): PlannedConfig[] => {
    const extra = minimal ? [] : optional([ringlistConfig(input.library?.files)]);
    return [...sipConfigs(mac, imageVersion, input.sipSettings, minimal), ...extra];
  };
  const sipLoaderExtras = (): PlannedConfig[] => (bootEra(to) === 'loader' && to.protocol === 'SIP' ? [dialplanConfig()] : []);

  switch (s.path) {
    case 'F1':
    case 'SIP23-FALLBACK':
      configs = [os79xxConfig(id), ...fullSip(id)];
      if (s.path === 'F1' && from.major < 5 && (to.major === 3 || to.major === 4)) {
        warnings.push(
          'If the TFTP log shows "Failed ( State Error )" on the SIP image, plan again going through SIP 2.3 first (the source document\'s fix).',
        );
      }
      break;
    case 'F2':
      configs = [os79xxConfig(os79xxIdFor(to)), ...fullSip(id), ...sipLoaderExtras()];
      break;
    case 'F3':
      configs = [sepConfig(mac, input.model, id, 'SIP'), ...fullSip(id), ...sipLoaderExtras()];
      sepServed = true;
      pre = bootRequests(from, mac, true);
      break;
    case 'R1': {
      const alias = aliasFor(from, to);
      const served = alias?.aliasId ?? id;
      if (alias !== undefined) {
        aliases.push({ alias: alias.alias, file: alias.file });
        download = downloadRequests(from, to, mac, alias.aliasId);
        warnings.push(
          `${formatFirmware(from)} ignores image names longer than 8.3: ${alias.file} is served as ${alias.alias} and OS79XX.TXT names ${alias.aliasId}. Upgrading SIP first is the other way.`,
        );
      }
      configs = [os79xxConfig(served), sepConfig(mac, input.model, id)];
      if (minimal) configs.push(...fullSip(served));
      sepServed = true;
      break;
    }
    case 'R2':
      if (from.protocol === 'SIP') {
        configs = [os79xxConfig(id), ...fullSip(id), sepConfig(mac, input.model, id)];
      } else {
        configs = [os79xxConfig(id), sepConfig(mac, input.model, id)];
        pre = bootRequests(from, mac, true);
        warnings.push('Extract the whole target zip into the TFTP root; the phone compares the names in OS79XX.TXT and SEP<MAC>.cnf.xml with its flash and downloads.');
      }
      sepServed = true;
      break;
    case 'R3': {
      const code = o.r3Code;
      if (code === undefined) throw new Error('R3 as written needs an upgradecode (planner bug)');
      const line = formatUpgradeCode(code);
      configs = [
        { name: GKDEFAULT_TXT, content: writeGkdefaultTxt(code), scope: 'all' },
        sepConfig(mac, input.model, id),
      ];
      requiredFiles = [GKDEFAULT_CFG, code.file, ...requiredFiles];
      commands.push(CFGFMT_COMMAND);
      checklist.push(
        `Extract the latest SIP load and the SCCP load into the TFTP root; in ${GKDEFAULT_TXT}, the upgradecode line must read: upgradecode:${line}`,
        `Run ${CFGFMT_COMMAND} in the TFTP root (cfgfmt and sip_ptag.dat come with the SIP load); it writes ${GKDEFAULT_CFG}.`,
      );
      warnings.push(
        'Elsewhere Cisco documents gkdefault/cfgfmt for the 7905/7912. If the phone never asks for gkdefault.cfg, re-plan with the field procedure (R3-field).',
      );
      pre = [OS79XX_TXT, SIP_DEFAULT_CNF, sipMacCnfName(mac)];
      download = [GKDEFAULT_CFG, code.file];
      sepServed = true;
      break;
    }
    case 'R3-field':
      configs = [os79xxConfig(id), ...fullSip(id), sepConfig(mac, input.model, id)];
      sepServed = true;
      break;
    case 'R4':
      configs = [...fullSip(id), xmlDefaultConfig(input.model, id)];
      pre = bootRequests(from, mac, false).slice(0, 3);
      break;
    case 'UPGRADE':
      if (to.protocol === 'SIP') {
        configs = [os79xxConfig(os79xxIdFor(to)), ...fullSip(id), ...sipLoaderExtras()];
        if (bootEra(from) === 'os79xx' && bootEra(to) === 'os79xx') pre = [OS79XX_TXT, SIP_DEFAULT_CNF, sipMacCnfName(mac)];
        else if (bootEra(from) === 'loader') pre = bootRequests(from, mac, false).slice(0, 3);
      } else {
        configs = [os79xxConfig(id), sepConfig(mac, input.model, id)];
        sepServed = true;
        pre = bootEra(from) === 'os79xx' ? [OS79XX_TXT, sepConfigName(configs)] : bootRequests(from, mac, true);
      }
      break;
    case 'CM':
      return cmHop(index, s);
    default:
      return assertNever(s.path, 'path');
  }

  if (minimal) {
    warnings.push(
      'SIP 2.x shows "W210 TFTP Error : buffer full" when SIPDefault.cnf is large: this hop serves OS79XX.TXT with the image name only and SIPDefault.cnf with image_version only. The full config comes back after this hop.',
    );
  }
  if (o.restoresFullConfig && !minimal && configs.some((c) => c.name === SIP_DEFAULT_CNF)) warnings.push('This hop restores the full SIP config trimmed by the SIP 2.x hop before it.');
  if (s.provenance.source === 'inferred' && s.provenance.reason !== undefined) {
    warnings.push(`No source covers this step exactly: ${s.provenance.reason}.`);
  }
  checklist.push(RESET);
  const newBoot = bootRequests(to, mac, sepServed);
  const oldSet = new Set(pre);
  const distinctive = newBoot.filter((r) => !oldSet.has(r));
  return {
    index,
    from,
    to,
    path: s.path,
    provenance: s.provenance,
    requiredFiles: dedupe(requiredFiles),
    configs,
    aliases,
    expectedRequests: [...pre, ...download, ...newBoot],
    phoneShows: phoneShows(from, to),
    warnings,
    doneWhen: distinctive.length > 0 ? distinctive : newBoot,
    commands,
    checklist,
  };
}

function sepConfigName(configs: PlannedConfig[]): string {
  return configs.find((c) => c.name.endsWith('.cnf.xml'))?.name ?? '';
}

function phoneShows(from: FirmwareVersion, to: FirmwareVersion): string[] {
  const shows = ['Requesting Configuration', 'Upgrading Software'];
  if (bootEra(from) === 'os79xx' && bootEra(to) === 'loader') shows.push('(reboots, then "Upgrading Software" again for the application)');
  shows.push(`Settings > Status > Firmware Versions: ${imageIdFor(to)} (${formatFirmware(to)})`);
  return shows;
}

function cmHop(index: number, s: Step): Hop {
  const toSip = s.to.protocol === 'SIP';
  const checklist =
    s.from.protocol === s.to.protocol
      ? [
          `In CUCM, name the load ${imageIdFor(s.to)} for this phone (Device > Phone, Phone Load Name) or for the model (Device Defaults).`,
          'Make sure the load files are in the CUCM TFTP server, then reset the phone from CUCM.',
        ]
      : toSip
        ? [
            'CUCM Administration: Bulk Administration > Phones > Migrate Phones > SCCP to SIP.',
            'Find the phones to migrate, pick the SIP phone template, describe the job.',
            'Run Immediately (or Run Later), Submit.',
            'Bulk Administration > Job Scheduler: the job must run; if it stays pending, activate Bulk Provisioning Service (Serviceability > Tools > Service Activation).',
            'Reset the migrated phones: Bulk Administration > Phones > Reset/Restart Phones.',
            'System > Enterprise Parameters: Auto Registration Phone Protocol = SIP, then restart the CallManager service.',
          ]
        : [
            'Delete the SIP phone in CUCM.',
            'System > Enterprise Parameters: Auto Registration Phone Protocol = SCCP, restart the CallManager service.',
            'Reset the phone so it registers again as SCCP.',
          ];
  return {
    index,
    from: s.from,
    to: s.to,
    path: 'CM',
    provenance: s.provenance,
    requiredFiles: [],
    configs: [],
    aliases: [],
    expectedRequests: [],
    phoneShows: phoneShows(s.from, s.to),
    warnings: ['CUCM serves the files: no TFTP work on this computer.'],
    doneWhen: [],
    commands: [],
    checklist,
  };
}

function optional<T>(items: (T | undefined)[]): T[] {
  return items.filter((x): x is T => x !== undefined);
}

function dedupe(items: string[]): string[] {
  return [...new Set(items)];
}

/** The upgradecode for R3 as written: given by the caller, or known from the source document. */
export function r3CodeFor(input: PlanInput, to: FirmwareVersion): { build: string; file: string } | undefined {
  return input.r3UpgradeCode ?? KNOWN_R3_UPGRADE_CODES[imageIdFor(to)];
}
