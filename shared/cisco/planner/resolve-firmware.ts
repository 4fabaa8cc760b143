import type { FirmwareVersion } from '../firmware-version';
import { parseFirmwareLabel } from '../firmware-version';
import { parseImageName } from '../image-name';

/**
 * Reads what a technician types for a phone's firmware: a label ("SCCP 3.1"), an image id or file name
 * ("P0S3-07-4-00", "P00308010200.sbn"), or "unknown". Undefined when it is none of these.
 */
export function resolveFirmware(text: string): FirmwareVersion | 'unknown' | undefined {
  const t = text.trim();
  if (t.toLowerCase() === 'unknown') return 'unknown';
  return parseFirmwareLabel(t) ?? parseImageName(t)?.version;
}
