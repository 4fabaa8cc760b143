import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOs79xxTxt } from '../../../../../shared/cisco/config/os79xx-txt';
import { parseSepCnfXml } from '../../../../../shared/cisco/config/sep-cnf-xml';
import { parseSipCnf } from '../../../../../shared/cisco/config/sip-cnf';
import type { FirmwareVersion } from '../../../../../shared/cisco/firmware-version';
import { formatFirmware, isSigned, sameFirmware } from '../../../../../shared/cisco/firmware-version';
import { imageIdFor, parseImageName, roleOfFile } from '../../../../../shared/cisco/image-name';
import { os79xxIdFor } from '../../../../../shared/cisco/planner/hop-files';
import { lintConfigFile } from '../../../../../shared/cisco/lint/lint-config-file';
import { KNOWN_FIRMWARE, knownFirmware, knownSeries } from '../../../../../shared/cisco/planner/known-firmware';
import { formatMessage } from '../../../../../shared/i18n/format';
import { planMigration } from '../../../../../shared/cisco/planner/plan-migration';
import type { Hop, PlanInput } from '../../../../../shared/cisco/planner/plan-types';

const MAC = '0011223344AA';

/** The legality of one hop, written from section 4 independently of the planner's routing. */
function hopProblem(h: Hop): string | undefined {
  const { from: f, to: t } = h;
  if (isSigned(f) && !isSigned(t)) return 'signed to unsigned';
  const sipToSccp = f.protocol === 'SIP' && t.protocol === 'SCCP';
  const sccpToSip = f.protocol === 'SCCP' && t.protocol === 'SIP';
  switch (h.path) {
    case 'F1':
      // Source lines 169-171: SCCP 3.x or earlier to any SIP 6.x or earlier, SCCP 5.x to SIP 5.x/6.x, in one hop
      // (SCCP 4.x, which no source covers, is planned like its neighbours).
      return sccpToSip && f.major <= 5 && t.major <= 6 ? undefined : 'F1 outside its range';
    case 'F2':
      return sccpToSip && f.major <= 5 && t.major >= 7 ? undefined : 'F2 outside its range';
    case 'F3':
      return sccpToSip && f.major >= 6 && t.major >= 7 ? undefined : 'F3 outside its range';
    case 'R1':
      // "Try the latest SCCP 4.x first" (source line 222) is advice: R1 may go straight to SCCP 5.x.
      return sipToSccp && f.major <= 4 && t.major <= 5 ? undefined : 'R1 outside its range';
    case 'R2': {
      // First hop to "the 6.3 image", SIP 6.3 (by the SIP chain), or an SCCP 6.x load the technician chose;
      // then from there to the target.
      const toSip63 = f.protocol === 'SIP' && t.protocol === 'SIP' && f.major <= 5 && t.major === 6 && t.minor === 3;
      const toChosen6 = sipToSccp && f.major <= 4 && t.major === 6;
      const fromSip63 = sipToSccp && f.major === 6 && f.minor === 3 && t.major >= 6;
      const fromChosen6 = f.protocol === 'SCCP' && t.protocol === 'SCCP' && f.major === 6 && t.major >= 6;
      return toSip63 || toChosen6 || fromSip63 || fromChosen6 ? undefined : 'R2 outside its range';
    }
    case 'R3':
    case 'R3-field':
      return sipToSccp && (f.major === 5 || f.major === 6) && t.major >= 5 ? undefined : 'R3 outside its range';
    case 'R4':
      return sipToSccp && f.major >= 7 && t.major >= 5 ? undefined : 'R4 outside its range';
    case 'SIP23-FALLBACK':
      return sccpToSip && f.major < 5 && t.major === 2 && t.minor === 3 ? undefined : 'SIP 2.3 fallback outside its range';
    case 'UPGRADE':
      if (f.protocol !== t.protocol) return 'UPGRADE changes protocol';
      if (f.protocol === 'SIP' && f.major <= 4 && t.major >= 7) return 'SIP 2.x-4.x jumps straight to 7.x';
      if (f.protocol === 'SIP' && f.major >= 8 && t.major < 7) return 'SIP downgrade skips 7.x';
      return undefined;
    case 'CM':
      return undefined;
  }
}

function checkPlan(input: PlanInput): void {
  const r = planMigration(input);
  const label = `${input.from === 'unknown' ? 'unknown' : formatFirmware(input.from)} -> ${formatFirmware(input.to)} (${input.context})`;
  if (!r.ok) {
    expect(formatMessage('en', r.reason).length, label).toBeGreaterThan(10);
    expect(formatMessage('ja', r.reason), label).not.toBe(formatMessage('en', r.reason));
    expect(r.rule, label).toMatch(/^[a-z0-9-]+$/);
    const target = knownFirmware(input.to);
    if (r.rule === 'unknown-version') {
      expect(target === undefined || !target.exactLoad || (input.from !== 'unknown' && !knownSeries(input.from)), label).toBe(true);
      return;
    }
    // No stop waits for a choice any more: R2 goes through SIP 6.3, the 4.x stop is advice.
    expect(r.rule, label).not.toBe('needs-choice');
    const cme = (r.rule === 'cme-needs-sccp5' || r.rule === 'cme-needs-sip7') && input.context === 'cme' && !isSigned(input.to);
    if (input.from !== 'unknown') expect((isSigned(input.from) && !isSigned(input.to)) || cme, label).toBe(true);
    return;
  }
  const { hops } = r.plan;
  expect(hops.length, label).toBeLessThanOrEqual(6);
  if (input.from !== 'unknown') {
    if (hops.length > 0) expect(sameFirmware(hops[0]?.from ?? input.to, input.from), label).toBe(true);
    else expect(sameFirmware(input.from, input.to), label).toBe(true);
  }
  hops.forEach((h, i) => {
    expect(h.index, label).toBe(i + 1);
    if (i > 0) expect(sameFirmware(hops[i - 1]?.to ?? h.from, h.from), `${label} hop ${h.index} chain`).toBe(true);
    if (input.from !== 'unknown') expect(hopProblem(h), `${label} hop ${h.index} ${h.path}`).toBeUndefined();
    if (h.provenance.source === 'inferred') expect(h.provenance.reason, label).toBeTruthy();
    if (h.path !== 'CM' && input.from !== 'unknown') expect(h.expectedRequests.length, label).toBeGreaterThan(0);
    for (const f of h.requiredFiles) {
      const role = roleOfFile(f);
      expect(role === 'tool' || parseImageName(f) !== undefined || /\.sbin$/.test(f), `${label} ${f}`).toBe(true);
    }
    for (const c of h.configs) checkConfig(c.name, c.content, h, label);
  });
  const last = hops[hops.length - 1];
  if (last !== undefined) expect(sameFirmware(last.to, input.to), label).toBe(true);
}

/** Every generated file parses back to what was meant, and the linter finds no error in it. */
function checkConfig(name: string, content: string, h: Hop, label: string): void {
  const where = `${label} hop ${h.index} ${name}`;
  const role = roleOfFile(name);
  const id = imageIdFor(h.to);
  const alias = h.aliases[0]?.alias.replace(/\.bin$/, '');
  if (role === 'os79xx') expect([os79xxIdFor(h.to), alias], where).toContain(parseOs79xxTxt(content).id);
  if (role === 'sip-config') {
    const read = parseSipCnf(content);
    expect(read.problems, where).toEqual([]);
    expect([id, alias], where).toContain(read.values['image_version']);
  }
  if (name.startsWith('SEP')) {
    const read = parseSepCnfXml(content);
    expect(read.problems, where).toEqual([]);
    expect(read.config.loadInformation, where).toBe(id);
    expect(read.config.model, where).toMatch(/^IP Phone 79[46]0$/);
  }
  const findings = lintConfigFile(name, content, { planProtocol: h.to.protocol, running: h.from });
  expect(findings.filter((f) => f.severity === 'error'), where).toEqual([]);
}

const KNOWN = KNOWN_FIRMWARE.map((k) => k.version);

describe('planner properties', () => {
  it('every pair of known releases: a legal chain to the target, or a refusal with a reason', () => {
    let plans = 0;
    for (const from of KNOWN) {
      for (const to of KNOWN) {
        for (const context of ['bench', 'cme', 'cucm'] as const) {
          for (const viaSip23 of [false, true]) {
            // The second variant also chooses a real SCCP 6.x load (source line 269) for R2's first hop.
            const via = viaSip23 ? { via: ['P00306000200'] } : {};
            checkPlan({ model: '7960', mac: MAC, from, to, context, viaSip23, r3: viaSip23 ? 'as-written' : 'field', ...via });
            plans++;
          }
        }
      }
    }
    expect(plans).toBe(KNOWN.length * KNOWN.length * 6);
  });

  it('SIP settings reach the phone through the configs, except in trimmed SIP 2.x hops', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/).filter((k) => k !== 'image_version');
    const settings = fc.dictionary(key, fc.stringMatching(/^[ -!#-~]{0,12}$/).map((x) => x.trim()), { maxKeys: 8 });
    const pick = fc.constantFrom(...KNOWN);
    fc.assert(
      fc.property(pick, pick, settings, (from, to, sipSettings) => {
        const r = planMigration({ model: '7960', mac: MAC, from, to, context: 'bench', sipSettings });
        if (!r.ok) return;
        for (const h of r.plan.hops) {
          const def = h.configs.find((c) => c.name === 'SIPDefault.cnf');
          const mine = h.configs.find((c) => c.name === `SIP${MAC}.cnf`);
          if (def === undefined || mine === undefined) continue;
          const effective = { ...parseSipCnf(def.content).values, ...parseSipCnf(mine.content).values };
          const trimmed = h.warnings.some((w) => w.key === 'planner.warn.sip2xBufferFull');
          for (const [k, value] of Object.entries(sipSettings)) {
            expect(effective[k], `${k} in hop ${h.index}`).toBe(trimmed ? undefined : value);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('unknown start: a plan for every signed known target', () => {
    for (const to of KNOWN) checkPlan({ model: '7940', mac: MAC, from: 'unknown', to, context: 'bench' });
  });

  it('any release numbers, not only known ones', () => {
    const version: fc.Arbitrary<FirmwareVersion> = fc
      .record({
        protocol: fc.constantFrom('SIP', 'SCCP') as fc.Arbitrary<'SIP' | 'SCCP'>,
        major: fc.integer({ min: 1, max: 9 }),
        minor: fc.integer({ min: 0, max: 12 }),
        maintenance: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
      })
      .map((v) => {
        const out: FirmwareVersion = { protocol: v.protocol, major: v.major, minor: v.minor };
        if (v.protocol === 'SCCP' && v.maintenance !== undefined) out.maintenance = v.maintenance;
        return out;
      });
    fc.assert(
      fc.property(fc.oneof(version, fc.constantFrom(...KNOWN)), fc.oneof(version, fc.constantFrom(...KNOWN)), fc.constantFrom('bench', 'cme') as fc.Arbitrary<'bench' | 'cme'>, fc.boolean(), fc.constantFrom('7940', '7960') as fc.Arbitrary<'7940' | '7960'>, (from, to, context, viaSip23, model) => {
        checkPlan({ model, mac: MAC, from, to, context, viaSip23 });
      }),
      { numRuns: 500 },
    );
  });
});
