import type { NegotiatedOptions } from '../../../shared/api/tftp';

/** RFC 2348 limits, and the RFC 1350 defaults used when a client asks for nothing. */
export const BLKSIZE_MIN = 8;
export const BLKSIZE_MAX = 65464;
export const DEFAULT_BLKSIZE = 512;
export const WINDOWSIZE_MAX = 65535;

export interface OptionLimits {
  maxBlksize: number;
  maxWindowsize: number;
  /** The server's own timeout when the client does not ask for one. */
  defaultTimeoutSeconds: number;
  /**
   * Longest timeout a client may choose (default 255, RFC 2349's top). RFC 2349 lets the server only echo the
   * value or leave it out, so a longer one is left out and the server's own timeout applies.
   */
  maxClientTimeoutSeconds?: number;
}

function parseDecimal(value: string): number | undefined {
  if (!/^[0-9]{1,10}$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Answers a request's options (RFC 2347/2348/2349/7440). Options out of range or malformed are left out of
 * the OACK, which tells the client they were not accepted; values above our caps are lowered, which the RFCs
 * allow. Unknown options are ignored. `size` is the real size of what will be sent (reads) or undefined
 * (writes, where the client's tsize is echoed).
 */
export function negotiate(
  requested: Record<string, string>,
  limits: OptionLimits,
  direction: 'read' | 'write',
  size: number | undefined,
): NegotiatedOptions {
  const acknowledged: Record<string, string> = {};
  let blksize = DEFAULT_BLKSIZE;
  let windowsize = 1;
  let timeoutSeconds = limits.defaultTimeoutSeconds;
  let tsize: number | undefined;

  const rawBlksize = requested['blksize'];
  if (rawBlksize !== undefined) {
    const n = parseDecimal(rawBlksize);
    if (n !== undefined && n >= BLKSIZE_MIN) {
      blksize = Math.min(n, BLKSIZE_MAX, Math.max(BLKSIZE_MIN, limits.maxBlksize));
      acknowledged['blksize'] = String(blksize);
    }
  }

  const rawTimeout = requested['timeout'];
  if (rawTimeout !== undefined) {
    const n = parseDecimal(rawTimeout);
    if (n !== undefined && n >= 1 && n <= Math.min(255, limits.maxClientTimeoutSeconds ?? 255)) {
      timeoutSeconds = n;
      acknowledged['timeout'] = String(n);
    }
  }

  const rawTsize = requested['tsize'];
  if (rawTsize !== undefined) {
    const n = parseDecimal(rawTsize);
    if (n !== undefined) {
      tsize = direction === 'read' ? size : n;
      if (tsize !== undefined) acknowledged['tsize'] = String(tsize);
    }
  }

  // Windowed writes are not offered: uploads are rare and small, and lockstep is the safe answer.
  const rawWindow = direction === 'read' ? requested['windowsize'] : undefined;
  if (rawWindow !== undefined) {
    const n = parseDecimal(rawWindow);
    if (n !== undefined && n >= 1 && n <= WINDOWSIZE_MAX) {
      windowsize = Math.min(n, Math.max(1, limits.maxWindowsize));
      acknowledged['windowsize'] = String(windowsize);
    }
  }

  return tsize === undefined
    ? { blksize, windowsize, timeoutSeconds, acknowledged }
    : { blksize, windowsize, timeoutSeconds, tsize, acknowledged };
}
