import { assertNever } from '../../../../shared/api/result';
import { bootEra, formatFirmware, parseFirmwareLabel } from '../../../../shared/cisco/firmware-version';
import { parseImageName } from '../../../../shared/cisco/image-name';

export const WIZARD_STEPS = ['phone', 'target', 'network', 'plan', 'migrate', 'report'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** What the technician chose so far. */
export interface Choices {
  mac: string;
  model: '7940' | '7960';
  from: string;
  listenFirst: boolean;
  /** After listening first: the releases that fit what the phone showed, offered in step 1. */
  fromCandidates: string[];
  bundleId: string;
  bindAddress: string;
  port: number;
  phoneIp: string;
  dhcp: boolean;
  dhcpOffer: string;
  demo: boolean;
  /** Loads chosen in the plan step for stops no source names exactly (R2's first hop, the latest SCCP 4.x). */
  via: string[];
}

export const INITIAL_CHOICES: Choices = {
  mac: '',
  model: '7960',
  from: '',
  listenFirst: false,
  fromCandidates: [],
  bundleId: '',
  bindAddress: '',
  port: 69,
  phoneIp: '',
  dhcp: false,
  dhcpOffer: '',
  demo: false,
  via: [],
};

export function nextStep(step: WizardStep): WizardStep {
  switch (step) {
    case 'phone':
      return 'target';
    case 'target':
      return 'network';
    case 'network':
      return 'plan';
    case 'plan':
      return 'migrate';
    case 'migrate':
    case 'report':
      return 'report';
    default:
      return assertNever(step, 'wizard step');
  }
}

export function previousStep(step: WizardStep): WizardStep {
  const i = WIZARD_STEPS.indexOf(step);
  return WIZARD_STEPS[Math.max(0, i - 1)] ?? 'phone';
}

/** Four numbers 0-255 with dots, as the phone's keypad takes them. */
export function isIpv4(text: string): boolean {
  const parts = text.trim().split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}

/** A TFTP port the technician may type: 1-65535. */
export function isPort(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** The network step's fields, each checked as typed; a field named here shows its fix and holds the wizard. */
export function networkProblems(c: Choices): ('bindAddress' | 'port' | 'phoneIp' | 'dhcpOffer')[] {
  const out: ('bindAddress' | 'port' | 'phoneIp' | 'dhcpOffer')[] = [];
  if (!isIpv4(c.bindAddress)) out.push('bindAddress');
  if (!isPort(c.port)) out.push('port');
  if ((c.phoneIp !== '' && !isIpv4(c.phoneIp)) || (c.phoneIp === '' && phoneIpRequiredFor(c) !== undefined)) out.push('phoneIp');
  if (c.dhcp && !isIpv4(c.dhcpOffer)) out.push('dhcpOffer');
  return out;
}

/**
 * The firmware (as written) whose boot needs the phone's address: OS79XX.TXT comes first and names no phone, so
 * without the address (or the bench DHCP) it is refused. Undefined when the address may stay empty.
 */
export function phoneIpRequiredFor(c: Pick<Choices, 'from' | 'listenFirst' | 'dhcp' | 'demo'>): string | undefined {
  if (c.demo || c.listenFirst || c.dhcp) return undefined;
  const text = c.from.trim();
  const image = parseImageName(text);
  const version = parseFirmwareLabel(text) ?? (image && image.scheme !== 'loader' ? image.version : undefined);
  return version && bootEra(version) === 'os79xx' ? formatFirmware(version) : undefined;
}
