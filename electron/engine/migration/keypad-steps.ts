import type { KeypadStep } from '../../../shared/api/migrate';
import { parseFirmwareLabel } from '../../../shared/cisco/firmware-version';
import { msg } from '../../../shared/i18n/message';

/**
 * The keys a technician presses to point one phone at this laptop (Alternate TFTP), with the address filled in.
 * SIP 4.2 and later unlock with "Unlock Config" and the phone password; older firmware with **#.
 */
export function keypadSteps(address: string, from?: string): KeypadStep[] {
  const v = from ? parseFirmwareLabel(from) : undefined;
  const passwordUnlock = v?.protocol === 'SIP' && (v.major > 4 || (v.major === 4 && v.minor >= 2));
  const knownOld = v !== undefined && !passwordUnlock;
  const unlock: KeypadStep[] = passwordUnlock
    ? [{ text: msg('migrate.keypad.unlockPassword') }]
    : knownOld
      ? [{ text: msg('migrate.keypad.unlockStars') }]
      : [{ text: msg('migrate.keypad.unlockEither') }];
  return [
    ...unlock,
    { text: msg('migrate.keypad.network') },
    { text: msg('migrate.keypad.alternate') },
    { text: msg('migrate.keypad.server', { address }), value: address },
    { text: msg('migrate.keypad.save') },
    { text: msg('migrate.keypad.reset') },
  ];
}
