/**
 * gkdefault.txt, for path R3 as the source document writes it: the SIP load ships a gkdefault.txt; its
 * `upgradecode:` line is changed to name the SCCP image, then Cisco's cfgfmt turns it into gkdefault.cfg.
 * The full syntax of the upgradecode value is not established for the 7940/7960: when the shipped line is
 * comma-separated we replace only its last field (the image file), otherwise the whole value.
 */

export const CFGFMT_COMMAND = 'cfgfmt -tsip_ptag.dat gkdefault.txt gkdefault.cfg';

/** A gkdefault.txt of one line, for when the SIP load's own file is not at hand. */
export function writeGkdefaultTxt(imageFile: string): string {
  return `upgradecode:${checkFile(imageFile)}\n`;
}

/** Sets the image named on the `upgradecode:` line of an existing gkdefault.txt (appends the line if absent). */
export function setUpgradeCode(text: string, imageFile: string): string {
  const file = checkFile(imageFile);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^\s*upgradecode\s*:/i.test(l));
  if (at < 0) return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}upgradecode:${file}\n`;
  const line = lines[at] ?? '';
  const cr = line.endsWith('\r') ? '\r' : '';
  const body = cr === '' ? line : line.slice(0, -1);
  const colon = body.indexOf(':');
  const head = body.slice(0, colon + 1);
  const value = body.slice(colon + 1);
  const comma = value.lastIndexOf(',');
  lines[at] = `${head}${comma < 0 ? file : `${value.slice(0, comma + 1)}${file}`}${cr}`;
  return lines.join('\n');
}

/** The image file named by the `upgradecode:` line (its last comma field), if any. */
export function readUpgradeCode(text: string): { file: string; line: number } | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*upgradecode\s*:(.*)$/i.exec(lines[i] ?? '');
    if (m !== null) {
      const value = (m[1] ?? '').trim();
      return { file: value.slice(value.lastIndexOf(',') + 1).trim(), line: i + 1 };
    }
  }
  return undefined;
}

function checkFile(name: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`not an image file name: ${JSON.stringify(name)}`);
  return name;
}
