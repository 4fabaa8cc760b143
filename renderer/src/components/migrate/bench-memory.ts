import type { MigrationStatus } from '../../../../shared/api/migrate';
import { INITIAL_CHOICES, type Choices } from './wizard-state';

const KEPT_KEY = 'phonebench.migrate.keptRun';

/** The run this tab shows and the choices that started it. */
export interface KeptRun {
  runId: string;
  choices: Choices;
}

/**
 * A run stays on this tab's Migrate page until the technician dismisses it (Next phone, Start over): leaving the
 * page, or reloading it, comes back to it. Kept per tab (sessionStorage); a run another tab started is the
 * engine's to show there.
 */
export function keptRun(): KeptRun | undefined {
  try {
    const raw = window.sessionStorage.getItem(KEPT_KEY);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || !('runId' in parsed) || !('choices' in parsed)) return undefined;
    const { runId, choices } = parsed;
    if (typeof runId !== 'string' || typeof choices !== 'object' || choices === null) return undefined;
    return { runId, choices: { ...INITIAL_CHOICES, ...choices } };
  } catch {
    return undefined;
  }
}

export function keepRun(kept: KeptRun | undefined): void {
  try {
    if (kept) window.sessionStorage.setItem(KEPT_KEY, JSON.stringify(kept));
    else window.sessionStorage.removeItem(KEPT_KEY);
  } catch {
    // Storage refused (private window, quota): the run is kept while the page stays open.
  }
}

/** The wizard's choices for a run this tab did not start (it was running when the page opened): as the engine ran it. */
export function choicesFromStatus(s: MigrationStatus): Choices {
  const listened = s.from.startsWith('unknown');
  return {
    ...INITIAL_CHOICES,
    mac: s.mac,
    model: s.model,
    from: listened ? '' : s.from,
    listenFirst: listened,
    bundleId: s.bundleId,
    bindAddress: s.bind.address,
    port: s.bind.port,
    phoneIp: s.phoneIpSource === 'entered' && s.phoneIp ? s.phoneIp : '',
    demo: s.demo,
  };
}

/** Next phone: the same bundle, interface, port, model, starting firmware and phone IP; a new MAC to type. */
export function nextPhoneChoices(c: Choices): Choices {
  return { ...c, mac: '', demo: false };
}
