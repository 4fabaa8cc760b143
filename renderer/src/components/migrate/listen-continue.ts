import type { ListenInference, MigrationStatus } from '../../../../shared/api/migrate';
import { bootEra, parseFirmwareLabel } from '../../../../shared/cisco/firmware-version';
import type { Choices } from './wizard-state';

/** Releases technicians meet most; any other label can be typed. */
export const COMMON_FIRMWARE = ['SCCP 3.1', 'SCCP 5.0(1.1)', 'SCCP 6.3', 'SCCP 7.2(3)', 'SCCP 8.1(2)', 'SCCP 8.1(2)SR2', 'SIP 2.3', 'SIP 4.4', 'SIP 5.3', 'SIP 6.3', 'SIP 7.4', 'SIP 8.12'];

/** The step-1 releases that fit what listening learned (boot era and protocol); never the loader itself. */
export function candidatesFor(i: Pick<ListenInference, 'era' | 'protocol'>): string[] {
  return COMMON_FIRMWARE.filter((label) => {
    const v = parseFirmwareLabel(label);
    if (!v) return false;
    if (i.protocol !== undefined && v.protocol !== i.protocol) return false;
    return i.era === 'unknown' || bootEra(v) === i.era;
  });
}

/** Step 1 filled with what was learned: the release when only one fits, else the fitting ones to pick from. */
export function continueChoices(status: Pick<MigrationStatus, 'mac' | 'model' | 'inference'>): Partial<Choices> {
  const candidates = status.inference ? candidatesFor(status.inference) : [];
  const exact = candidates.length === 1 ? candidates[0] : undefined;
  return {
    mac: status.mac,
    model: status.model,
    listenFirst: false,
    from: exact ?? '',
    fromCandidates: exact !== undefined || candidates.length === COMMON_FIRMWARE.length ? [] : candidates,
  };
}
