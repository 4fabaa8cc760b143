import type { KeypadStep } from '../../../shared/api/migrate';
import { parseFirmwareLabel } from '../../../shared/cisco/firmware-version';

/**
 * The keys a technician presses to point one phone at this laptop (Alternate TFTP), with the address filled in.
 * SIP 4.2 and later unlock with "Unlock Config" and the phone password; older firmware with **#.
 */
export function keypadSteps(address: string, from?: string): KeypadStep[] {
  const v = from ? parseFirmwareLabel(from) : undefined;
  const passwordUnlock = v?.protocol === 'SIP' && (v.major > 4 || (v.major === 4 && v.minor >= 2));
  const knownOld = v !== undefined && !passwordUnlock;
  const unlock: KeypadStep[] = passwordUnlock
    ? [{ text: 'Press Settings, choose "Unlock Config" and enter the phone password (factory default: cisco).' }]
    : knownOld
      ? [{ text: 'Press Settings, then type **# to unlock the settings (the padlock opens). Type it once: **#** reboots the phone.' }]
      : [
          {
            text:
              'Press Settings and unlock: on SIP 4.2 and later choose "Unlock Config" and enter the phone password (factory: cisco); ' +
              'on SCCP and older SIP type **# once (typing it twice reads as **#** and reboots the phone).',
          },
        ];
  return [
    ...unlock,
    { text: 'Open Network Configuration.' },
    { text: 'Scroll to Alternate TFTP and set it to Yes.' },
    { text: `Set TFTP Server 1 to ${address}.`, value: address },
    { text: 'Save, lock the settings again, and restart the phone (unplug and replug its power).' },
    { text: 'A factory reset clears Alternate TFTP: check it again after any reset.' },
  ];
}
