/**
 * Transfers count blocks from 1 without limit; the wire carries 16 bits. After 65535 the wire number
 * rolls over to 0 (the common convention) or to 1 (some older clients), as configured.
 */
export type RolloverTo = 0 | 1;

export function wireBlock(absolute: number, rolloverTo: RolloverTo): number {
  if (rolloverTo === 0) return absolute % 65536;
  return absolute <= 65535 ? absolute : ((absolute - 1) % 65535) + 1;
}

/**
 * Finds the absolute block in [from, to] whose wire number is `wire`, or undefined. The range is at most
 * a window wide, far below 65535, so at most one block can match.
 */
export function absoluteBlock(wire: number, from: number, to: number, rolloverTo: RolloverTo): number | undefined {
  for (let a = Math.max(0, from); a <= to; a++) if (wireBlock(a, rolloverTo) === wire) return a;
  return undefined;
}
