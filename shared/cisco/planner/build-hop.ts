import { assertNever } from '../../api/result';
import { CFGFMT_COMMAND, formatUpgradeCode, writeGkdefaultTxt } from '../config/gkdefault-txt';
import type { FirmwareVersion } from '../firmware-version';
import { bootEra, formatFirmware, isSigned } from '../firmware-version';
import { imageIdFor } from '../image-name';
import { RULE_NAMES, type LoadNames } from './load-names';
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
import { ctlSepName, sepCnfXmlName, sipMacCnfName, SIP_DEFAULT_CNF, XML_DEFAULT_CNF_XML } from '../phone-files';
import { msg, type Message } from '../../i18n/message';

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
  /** Load names: the library's own files where it holds the release. */
  names?: LoadNames;
}

export function buildHop(index: number, s: Step, o: BuildOptions): Hop {
  const { input, mac } = o;
  const { from, to } = s;
  const minimal = isSip2xHop(s);
  const names = o.names ?? RULE_NAMES;
  const id = names.app(to);
  const warnings: Message[] = [];
  const aliases: FileAlias[] = [];
  const commands: string[] = [];
  const checklist: Message[] = [];
  let configs: PlannedConfig[] = [];
  let requiredFiles = imageFilesFor(to, isSigned(from), names);
  let sepServed = false;
  let pre: string[] = [OS79XX_TXT];
  let download = downloadRequests(from, to, mac, { names });
  const fullSip = (imageVersion: string): PlannedConfig[] => {
    const extra = minimal ? [] : optional([ringlistConfig(input.library?.files)]);
    return [...sipConfigs(mac, imageVersion, input.sipSettings, minimal), ...extra];
  };
  const sipLoaderExtras = (): PlannedConfig[] => (bootEra(to) === 'loader' && to.protocol === 'SIP' ? [dialplanConfig()] : []);
  /** SIP to SIP: OS79XX.TXT and both SIP configs name the new image. */
  const sipUpgrade = (): { configs: PlannedConfig[]; pre: string[] } => {
    const up = [os79xxConfig(os79xxIdFor(to, names)), ...fullSip(id), ...sipLoaderExtras()];
    if (bootEra(from) === 'os79xx' && bootEra(to) === 'os79xx') return { configs: up, pre: [OS79XX_TXT, SIP_DEFAULT_CNF, sipMacCnfName(mac)] };
    if (bootEra(from) === 'loader') return { configs: up, pre: bootRequests(from, mac, false, names).slice(0, 3) };
    return { configs: up, pre: [OS79XX_TXT] };
  };

  switch (s.path) {
    case 'F1':
    case 'SIP23-FALLBACK':
      configs = [os79xxConfig(id), ...fullSip(id)];
      if (s.path === 'F1' && from.major < 5 && (to.major === 3 || to.major === 4)) warnings.push(msg('planner.warn.stateErrorFallback'));
      break;
    case 'F2': {
      // Field practice for a phone coming from SCCP: XMLDefault.cnf.xml names the loader for the first boot (the
      // UAL shares its first four characters with SCCP loads, so OS79XX.TXT alone does not move the phone); the
      // SIP configs name the application, which the loader finds in its config hunt.
      const loader = names.loader(to) ?? id;
      configs = [os79xxConfig(os79xxIdFor(to, names)), ...fullSip(id), ...sipLoaderExtras(), xmlDefaultConfig(input.model, loader)];
      pre = [OS79XX_TXT, sepCnfXmlName(mac), XML_DEFAULT_CNF_XML];
      download = [`${loader}.${isSigned(from) ? 'sbn' : 'bin'}`, ctlSepName(mac), sepCnfXmlName(mac), sipMacCnfName(mac), `${id}.loads`, `${id}.sb2`];
      warnings.push(msg('planner.warn.f2Field', { loader, app: id }), msg('planner.warn.f2Stall', { loader, app: id, sep: sepCnfXmlName(mac) }));
      break;
    }
    case 'F3':
      configs = [sepConfig(mac, input.model, id, 'SIP'), ...fullSip(id), ...sipLoaderExtras()];
      sepServed = true;
      pre = bootRequests(from, mac, true, names);
      break;
    case 'R1': {
      const alias = aliasFor(from, to, names);
      const served = alias?.aliasId ?? id;
      if (alias !== undefined) {
        aliases.push({ alias: alias.alias, file: alias.file });
        download = downloadRequests(from, to, mac, { alias: alias.aliasId, names });
        warnings.push(msg('planner.warn.alias83', { from: formatFirmware(from), file: alias.file, alias: alias.alias, aliasId: alias.aliasId }));
      }
      configs = [os79xxConfig(served), sepConfig(mac, input.model, id)];
      if (minimal) configs.push(...fullSip(served));
      sepServed = true;
      break;
    }
    case 'R2':
      if (to.protocol === 'SIP') {
        // R2's first hop: a SIP phone moves to SIP 6.3 through OS79XX.TXT and image_version.
        ({ configs, pre } = sipUpgrade());
      } else if (from.protocol === 'SIP') {
        configs = [os79xxConfig(id), ...fullSip(id), sepConfig(mac, input.model, id)];
      } else {
        configs = [os79xxConfig(id), sepConfig(mac, input.model, id)];
        pre = bootRequests(from, mac, true, names);
        warnings.push(msg('planner.warn.r2ExtractZip'));
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
      warnings.push(msg('planner.warn.r3Style7905'));
      checklist.push(
        msg('planner.check.r3Extract', { gkdefault: GKDEFAULT_TXT, line: `upgradecode:${line}` }),
        msg('planner.check.r3Cfgfmt', { command: CFGFMT_COMMAND, cfg: GKDEFAULT_CFG }),
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
      // image_version names the SCCP load (source line 267-269); SEP<MAC>.cnf.xml names it too, since the loader
      // reads SEP<MAC>.cnf.xml before SIP<MAC>.cnf and a leftover SIP one there would reinstall SIP.
      configs = [...fullSip(id), xmlDefaultConfig(input.model, id), sepConfig(mac, input.model, id)];
      sepServed = true;
      pre = bootRequests(from, mac, true, names).slice(0, 2);
      checklist.push(msg('planner.check.r4CopySep', { sep: sepCnfXmlName(mac), load: id }));
      break;
    case 'UPGRADE':
      if (to.protocol === 'SIP') {
        ({ configs, pre } = sipUpgrade());
      } else {
        configs = [os79xxConfig(id), sepConfig(mac, input.model, id)];
        sepServed = true;
        pre = bootEra(from) === 'os79xx' ? [OS79XX_TXT, sepConfigName(configs)] : bootRequests(from, mac, true, names);
      }
      break;
    case 'CM':
      return cmHop(index, s);
    default:
      return assertNever(s.path, 'path');
  }

  if (minimal) warnings.push(msg('planner.warn.sip2xBufferFull'));
  if (o.restoresFullConfig && !minimal && configs.some((c) => c.name === SIP_DEFAULT_CNF)) warnings.push(msg('planner.warn.restoresFullConfig'));
  if (s.provenance.source === 'inferred' && s.provenance.reason !== undefined) {
    warnings.push(msg('planner.warn.inferred', { reason: s.provenance.reason }));
  }
  checklist.push(msg('planner.check.reset'));
  const newBoot = bootRequests(to, mac, sepServed, names);
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
    phoneShows: phoneShows(from, to, id),
    warnings,
    doneWhen: distinctive.length > 0 ? distinctive : newBoot,
    commands,
    checklist,
  };
}

function sepConfigName(configs: PlannedConfig[]): string {
  return configs.find((c) => c.name.endsWith('.cnf.xml'))?.name ?? '';
}

function phoneShows(from: FirmwareVersion, to: FirmwareVersion, id: string = imageIdFor(to)): Message[] {
  const shows = [msg('planner.shows.requestingConfiguration'), msg('planner.shows.upgradingSoftware')];
  if (bootEra(from) === 'os79xx' && bootEra(to) === 'loader') shows.push(msg('planner.shows.rebootsForApplication'));
  shows.push(msg('planner.shows.firmwareVersions', { id, label: formatFirmware(to) }));
  return shows;
}

function cmHop(index: number, s: Step): Hop {
  const toSip = s.to.protocol === 'SIP';
  // SIP on 7940/7960 needs CUCM 5.0 or later (SIP firmware readmes); the source (line 105) says to check the model.
  const sipNeeds: Message[] = toSip ? [msg('planner.check.cm.sipNeedsCucm5'), msg('planner.check.cm.modelSupportsSip')] : [];
  const checklist: Message[] =
    s.from.protocol === s.to.protocol
      ? [...sipNeeds, msg('planner.check.cm.nameLoad', { id: imageIdFor(s.to) }), msg('planner.check.cm.loadFilesReset')]
      : toSip
        ? [
            ...sipNeeds,
            msg('planner.check.cm.bulkMigrate'),
            msg('planner.check.cm.findPhones'),
            msg('planner.check.cm.runSubmit'),
            msg('planner.check.cm.jobScheduler'),
            msg('planner.check.cm.resetPhones'),
            msg('planner.check.cm.autoRegSip'),
          ]
        : [msg('planner.check.cm.deleteSip'), msg('planner.check.cm.autoRegSccp'), msg('planner.check.cm.reregister')];
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
    warnings: [msg('planner.warn.cmNoTftp')],
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
