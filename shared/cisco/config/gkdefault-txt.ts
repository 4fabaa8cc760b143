/**
 * gkdefault.txt, for path R3 as the source document writes it: the SIP load ships a gkdefault.txt whose
 * `upgradecode:` line names the SIP image; it is changed to name the SCCP image (build field and file), then
 * Cisco's cfgfmt turns it into gkdefault.cfg, which the phone downloads with the SCCP file.
 * Line form in the source document: `upgradecode:3,0x601,0x0400,0x0100,0.0.0.0,69,0x<build>,<file>`.
 */

export const CFGFMT_COMMAND = 'cfgfmt -tsip_ptag.dat gkdefault.txt gkdefault.cfg';

/** The fields before the build field, as in the source document's example. */
export const UPGRADECODE_HEAD = '3,0x601,0x0400,0x0100,0.0.0.0,69';

export interface UpgradeCode {
  /** Build field without `0x`, e.g. "051117a". */
  build: string;
  /** Image file, e.g. "CP7940080001SCCP051117A.sbin". */
  file: string;
}

export function formatUpgradeCode(code: UpgradeCode): string {
  if (!/^[0-9A-Fa-f]{1,12}$/.test(code.build)) throw new Error(`not an upgradecode build: ${JSON.stringify(code.build)}`);
  if (!/^[A-Za-z0-9._-]+$/.test(code.file)) throw new Error(`not an image file name: ${JSON.stringify(code.file)}`);
  return `${UPGRADECODE_HEAD},0x${code.build},${code.file}`;
}

/** A gkdefault.txt of one line, when the SIP load's own file is not at hand. */
export function writeGkdefaultTxt(code: UpgradeCode): string {
  return `upgradecode:${formatUpgradeCode(code)}\n`;
}

/**
 * Points the `upgradecode:` line of an existing gkdefault.txt at another image: the build field and the file
 * change, other fields and lines stay. A line not of the 8-field form is replaced whole; none is appended.
 */
export function setUpgradeCode(text: string, code: UpgradeCode): string {
  const full = formatUpgradeCode(code);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^\s*upgradecode\s*:/i.test(l));
  if (at < 0) return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}upgradecode:${full}\n`;
  const line = lines[at] ?? '';
  const cr = line.endsWith('\r') ? '\r' : '';
  const body = cr === '' ? line : line.slice(0, -1);
  const colon = body.indexOf(':');
  const fields = body.slice(colon + 1).split(',');
  const value = fields.length === 8 ? [...fields.slice(0, 6).map((f) => f.trim()), `0x${code.build}`, code.file].join(',') : full;
  lines[at] = `${body.slice(0, colon + 1)}${value}${cr}`;
  return lines.join('\n');
}

/** The build and file named by the `upgradecode:` line, if any. */
export function readUpgradeCode(text: string): (Partial<UpgradeCode> & { file: string; line: number }) | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*upgradecode\s*:(.*)$/i.exec(lines[i] ?? '');
    if (m === null) continue;
    const fields = (m[1] ?? '').split(',').map((f) => f.trim());
    const file = fields[fields.length - 1] ?? '';
    const buildField = fields.length === 8 ? fields[6] : undefined;
    const build = buildField !== undefined && /^0x/i.test(buildField) ? buildField.slice(2) : undefined;
    return build === undefined ? { file, line: i + 1 } : { build, file, line: i + 1 };
  }
  return undefined;
}
