import { describe, expect, it } from 'vitest';
import { initialFlash } from '../../../../../electron/engine/phone-sim/flash-state';
import { KNOWN_FIRMWARE } from '../../../../../shared/cisco/planner/known-firmware';
import { REAL_LOAD_IDS } from '../../../../fixtures/cisco-real-loads';

/**
 * Issue 11 item 9, "no invented flash ids": what the virtual phone says its flash holds at power-on is a real
 * release name (test/fixtures/cisco-real-loads.ts, each with its source) or is marked as the simulator's own.
 */
describe('power-on flash ids', () => {
  it.each(KNOWN_FIRMWARE.filter((k) => k.exactLoad).map((k) => [k.label, k] as const))('%s: application and loader are real names or marked [sim]', (_label, k) => {
    const flash = initialFlash(k.version);
    expect(REAL_LOAD_IDS.has(flash.app ?? ''), flash.app).toBe(true);
    if (flash.loader !== undefined && !REAL_LOAD_IDS.has(flash.loader)) expect(flash.loader).toMatch(/^\[sim\]/);
  });

  it('start-only releases never get a made-up loader id', () => {
    for (const k of KNOWN_FIRMWARE) {
      const loader = initialFlash(k.version).loader;
      if (loader !== undefined && !REAL_LOAD_IDS.has(loader)) expect(loader, k.label).toMatch(/^\[sim\]/);
    }
  });
});
