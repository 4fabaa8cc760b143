/** RFC 764 netascii as TFTP uses it: line ends travel as CR LF, a bare CR as CR NUL. */

export function toNetascii(data: Buffer): Buffer {
  let extra = 0;
  for (const byte of data) if (byte === 0x0a || byte === 0x0d) extra++;
  if (extra === 0) return data;
  const out = Buffer.allocUnsafe(data.length + extra);
  let at = 0;
  for (const byte of data) {
    if (byte === 0x0a) {
      out[at++] = 0x0d;
      out[at++] = 0x0a;
    } else if (byte === 0x0d) {
      out[at++] = 0x0d;
      out[at++] = 0x00;
    } else out[at++] = byte;
  }
  return out;
}

export function fromNetascii(data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(data.length);
  let at = 0;
  for (let i = 0; i < data.length; i++) {
    const byte = data[i] as number;
    if (byte === 0x0d && i + 1 < data.length) {
      const next = data[i + 1];
      if (next === 0x0a) {
        out[at++] = 0x0a;
        i++;
        continue;
      }
      if (next === 0x00) {
        out[at++] = 0x0d;
        i++;
        continue;
      }
    }
    out[at++] = byte;
  }
  return out.subarray(0, at);
}
