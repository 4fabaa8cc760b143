import { assertNever } from '../../api/result';
import { parseDialplanXml } from '../config/dialplan-xml';
import { isSecretKey } from '../config/mask-secrets';
import { parseOs79xxTxt } from '../config/os79xx-txt';
import { parseRinglistDat } from '../config/ringlist-dat';
import { parseSepCnfXml } from '../config/sep-cnf-xml';
import { parseSipCnf } from '../config/sip-cnf';
import { parseXmlDefaultCnfXml } from '../config/xml-default-cnf-xml';
import type { FirmwareVersion, Protocol } from '../firmware-version';
import { formatFirmware } from '../firmware-version';
import { IMAGE_EXTENSIONS, imageIdFor, loaderIdFor, parseImageName, roleOfFile, splitImageExtension } from '../image-name';
import { macOfFileName, modelInfo, PHONE_MODELS } from '../phone-files';

export type Severity = 'error' | 'warning';

export interface LintFinding {
  file: string;
  /** 1-based; 0 when the finding is about the file name. */
  line: number;
  severity: Severity;
  problem: string;
  fix: string;
}

export interface LintContext {
  /** File names in the firmware library / TFTP root: an image named but absent is reported. */
  library?: readonly string[];
  /** The protocol the plan moves the phone to in this hop. */
  planProtocol?: Protocol;
  /** The firmware the phone runs now (a SIP 2.x phone cannot take a large SIPDefault.cnf). */
  running?: FirmwareVersion;
}

const CANONICAL_NAMES = ['OS79XX.TXT', 'SIPDefault.cnf', 'XMLDefault.cnf.xml', 'RINGLIST.DAT', 'dialplan.xml'];

/** Checks one config file a 7940/7960 will read; never echoes password values. */
export function lintConfigFile(fileName: string, text: string, context: LintContext = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (line: number, severity: Severity, problem: string, fix: string): void => {
    findings.push({ file: fileName, line, severity, problem, fix });
  };
  lintFileName(fileName, add);
  const role = roleOfFile(fileName);
  switch (role) {
    case 'os79xx':
      lintOs79xx(text, context, add);
      break;
    case 'sip-config':
      lintSipCnf(fileName, text, context, add);
      break;
    case 'sccp-config':
      lintSccpXml(fileName, text, context, add);
      break;
    case 'ringlist':
      for (const p of parseRinglistDat(text).problems) add(p.line, 'error', p.message, 'Write "display name" then the file name on each line.');
      break;
    case 'dialplan':
      for (const p of parseDialplanXml(text).problems) add(p.line, 'error', p.message, 'Fix the XML; a minimal plan is <DIALTEMPLATE><TEMPLATE MATCH="*" Timeout="5"/></DIALTEMPLATE>.');
      break;
    case 'unsigned-image':
    case 'signed-image':
    case 'loads':
    case 'signed-application':
    case 'ring':
    case 'tool':
    case 'other':
      break;
    default:
      assertNever(role, 'file role');
  }
  return findings;
}

type Add = (line: number, severity: Severity, problem: string, fix: string) => void;

function lintFileName(fileName: string, add: Add): void {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const mac = macOfFileName(base);
  if (mac !== undefined && mac.written !== mac.mac) {
    add(0, 'error', `The MAC in the file name is lower case (${mac.written}); the phone asks for upper case.`, `Rename to ${base.replace(mac.written, mac.mac)}.`);
  }
  const canonical = CANONICAL_NAMES.find((n) => n.toLowerCase() === base.toLowerCase());
  if (canonical !== undefined && canonical !== base) {
    add(0, 'warning', `The phone asks for ${canonical}; ${base} differs in case.`, `Rename to ${canonical} (Phonebench's server matches any case, other servers may not).`);
  }
  const perPhone = /^(CTLSEP|SEP|SIP)([0-9A-Fa-f]{12})(\..+)$/i.exec(base);
  if (perPhone !== null) {
    const [, prefix = '', hex = '', ext = ''] = perPhone;
    const wantPrefix = prefix.toUpperCase();
    const wantExt = wantPrefix === 'SIP' ? '.cnf' : wantPrefix === 'SEP' ? '.cnf.xml' : '.tlv';
    if (ext !== wantExt && ext.toLowerCase() === wantExt) {
      add(0, 'error', `The extension ${ext} has the wrong case; the phone asks for ${wantExt}.`, `Rename to ${wantPrefix}${hex.toUpperCase()}${wantExt}.`);
    }
    if (prefix !== wantPrefix) {
      add(0, 'error', `The prefix ${prefix} has the wrong case.`, `Rename to ${wantPrefix}${hex.toUpperCase()}${wantExt}.`);
    }
  }
}

/** Checks an image id a config names: extension, form, library, protocol. */
function lintImageRef(raw: string, line: number, what: string, context: LintContext, add: Add): void {
  const value = raw.trim();
  if (value === '') {
    add(line, 'error', `${what} is empty.`, 'Name the image id, without extension (e.g. P0S3-8-12-00).');
    return;
  }
  const { id, extension } = splitImageExtension(value);
  if (extension !== undefined) {
    add(line, 'error', `${what} holds the extension .${extension}.`, `Write ${id} without extension.`);
  }
  const parsed = parseImageName(id);
  if (parsed === undefined) {
    const upper = parseImageName(id.toUpperCase());
    if (upper !== undefined) {
      add(line, 'error', `${what} "${id}" has the wrong case; names are case-sensitive.`, `Write ${upper.id}.`);
      checkLibraryAndProtocol(upper.id, upper.protocol, line, what, context, add);
      return;
    }
    add(
      line,
      'error',
      `${what} "${id}" is not a 7940/7960 image name.`,
      'Use the form of the release: P0S3xxyy (SIP up to 2.3), P0S3-xx-y-zz (SIP 3.0 on), P003aabbccdd (SCCP), P003aabbSRnn (SCCP service release).',
    );
    return;
  }
  const right = parsed.scheme === 'loader' ? loaderIdFor(parsed.version) : parsed.scheme === 'mgcp' ? parsed.id : imageIdFor(parsed.version);
  const inLibrary = IMAGE_EXTENSIONS.some((e) => context.library?.includes(`${parsed.id}.${e}`) === true);
  if (right !== undefined && right !== parsed.id && parsed.scheme !== 'sccp-8.3' && !inLibrary) {
    add(line, 'error', `${what} "${parsed.id}" is the wrong name form for ${formatFirmware(parsed.version)}.`, `Write ${right}.`);
  }
  if (parsed.scheme === 'mgcp') {
    add(line, 'warning', `${what} names MGCP firmware (${parsed.id}); Phonebench plans SCCP and SIP only.`, 'Name an SCCP or SIP image.');
  }
  checkLibraryAndProtocol(parsed.id, parsed.scheme === 'loader' ? 'SIP' : parsed.protocol, line, what, context, add);
}

function checkLibraryAndProtocol(id: string, protocol: Protocol, line: number, what: string, context: LintContext, add: Add): void {
  if (context.library !== undefined) {
    const have = new Set(context.library);
    if (!IMAGE_EXTENSIONS.some((e) => have.has(`${id}.${e}`))) {
      add(line, 'warning', `${what} names ${id}, which is not in the library.`, `Import the Cisco package holding ${id}, or name an image you have.`);
    }
  }
  if (context.planProtocol !== undefined && context.planProtocol !== protocol) {
    add(line, 'error', `${what} names a ${protocol} image but the plan moves the phone to ${context.planProtocol}.`, `Name the ${context.planProtocol} image of the plan's hop.`);
  }
}

function lintOs79xx(text: string, context: LintContext, add: Add): void {
  const read = parseOs79xxTxt(text);
  if (/\s$/.test(read.id)) {
    add(1, 'error', 'The image name is followed by spaces; the phone then asks for a file that does not exist (CSCdv19260).', 'Remove everything after the image name.');
  }
  if (read.extraLines > 0) add(2, 'warning', 'OS79XX.TXT has more than one line; the phone reads only the first.', 'Keep only the image name.');
  lintImageRef(read.id, 1, 'OS79XX.TXT', context, add);
}

function lintSipCnf(fileName: string, text: string, context: LintContext, add: Add): void {
  const read = parseSipCnf(text);
  for (const p of read.problems) add(p.line, 'error', p.message, 'Write one "name: value" per line; comments start with # or follow ;.');
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    const body = l.endsWith('\r') ? l.slice(0, -1) : l;
    if (/[ \t]$/.test(body) && body.trim() !== '') {
      const key = /^\s*([A-Za-z][\w]*)\s*:/.exec(body)?.[1];
      const which = key === undefined ? 'This line' : isSecretKey(key) ? `The ${key} line` : `The value of ${key}`;
      add(i + 1, 'warning', `${which} ends with spaces, which some firmware keeps as part of the value.`, 'Remove the trailing spaces.');
    }
  });
  const image = read.entries.filter((e) => e.key === 'image_version');
  for (const e of image) lintImageRef(e.value, e.line, 'image_version', context, add);
  const isDefault = /sipdefault\.cnf$/i.test(fileName);
  const running = context.running;
  if (isDefault && running !== undefined && running.protocol === 'SIP' && running.major === 2) {
    const others = read.entries.filter((e) => e.key !== 'image_version');
    if (others.length > 0) {
      add(
        others[0]?.line ?? 1,
        'error',
        `${formatFirmware(running)} fails with "W210 TFTP Error : buffer full" on a large SIPDefault.cnf; this one holds ${others.length} parameter(s) besides image_version (${text.length} bytes).`,
        'For the migration hop keep only image_version; restore the full file after the hop.',
      );
    }
  }
}

function lintSccpXml(fileName: string, text: string, context: LintContext, add: Add): void {
  const base = (fileName.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (base.endsWith('.tlv')) return;
  const models = PHONE_MODELS.map((m) => modelInfo(m).modelString);
  if (base.startsWith('xmldefault')) {
    const { config, problems } = parseXmlDefaultCnfXml(text);
    for (const p of problems) add(p.line, 'error', p.message, 'Fix the XML structure.');
    for (const l of config.loads) {
      const line = l.line ?? 1;
      const model = PHONE_MODELS.map(modelInfo).find((m) => m.deviceTypeId === l.typeId);
      if (model === undefined) {
        add(line, 'warning', `loadInformation${l.typeId} is not a 7940/7960 element (7960 = 7, 7940 = 8).`, 'Use loadInformation7 or loadInformation8.');
        continue;
      }
      if (l.model !== undefined && l.model !== model.modelString) {
        add(line, 'error', `loadInformation${l.typeId} is for "${model.modelString}" but says model="${l.model}".`, `Write model="${model.modelString}".`);
      }
      lintImageRef(l.loadId, line, `loadInformation${l.typeId}`, context, add);
    }
    return;
  }
  const { config, problems, loadLine } = parseSepCnfXml(text);
  for (const p of problems) add(p.line, 'error', p.message, 'Fix the XML structure.');
  if (text.trim() === '') {
    add(1, 'error', 'The file is empty; the phone shows "Protocol Application Invalid".', 'Write <device> with <loadInformation>, or delete the file.');
    return;
  }
  if (config.model !== undefined && !models.includes(config.model)) {
    add(loadLine ?? 1, 'warning', `loadInformation model "${config.model}" is not a 7940/7960 model.`, `Use "${models.join('" or "')}".`);
  }
  if (config.loadInformation !== undefined) lintImageRef(config.loadInformation, loadLine ?? 1, 'loadInformation', context, add);
  if (config.deviceProtocol !== undefined && context.planProtocol !== undefined && config.deviceProtocol !== context.planProtocol) {
    add(1, 'error', `deviceProtocol is ${config.deviceProtocol} but the plan moves the phone to ${context.planProtocol}.`, `Write <deviceProtocol>${context.planProtocol}</deviceProtocol>.`);
  }
}
