import { assertNever } from '../../../../shared/api/result';

export const WIZARD_STEPS = ['phone', 'target', 'network', 'plan', 'migrate', 'report'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** What the technician chose so far. */
export interface Choices {
  mac: string;
  model: '7940' | '7960';
  from: string;
  listenFirst: boolean;
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
