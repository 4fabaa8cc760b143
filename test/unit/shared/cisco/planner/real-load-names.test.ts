import { describe, expect, it } from 'vitest';
import { parseOs79xxTxt } from '../../../../../shared/cisco/config/os79xx-txt';
import { parseSipCnf } from '../../../../../shared/cisco/config/sip-cnf';
import { formatFirmware } from '../../../../../shared/cisco/firmware-version';
import { imageIdFor, loaderIdFor, parseImageName, roleOfFile } from '../../../../../shared/cisco/image-name';
import { KNOWN_FIRMWARE } from '../../../../../shared/cisco/planner/known-firmware';
import { planMigration } from '../../../../../shared/cisco/planner/plan-migration';
import type { Plan, PlanInput } from '../../../../../shared/cisco/planner/plan-types';
import { R3_AS_WRITTEN_FILES, REAL_LOAD_IDS, REAL_LOADS, REAL_PACKAGES } from '../../../../fixtures/cisco-real-loads';

const MAC = '000E84C060A6';

/** Every image id a plan names anywhere: files, requests, OS79XX.TXT, image_version, loadInformation, screen texts. */
function emittedIds(plan: Plan): string[] {
  const ids = new Set<string>();
  const add = (name: string): void => {
    if (R3_AS_WRITTEN_FILES.includes(name)) return;
    const parsed = parseImageName(name);
    ids.add(parsed?.id ?? name);
  };
  for (const hop of plan.hops) {
    const aliases = new Set(hop.aliases.map((a) => a.alias));
    for (const f of [...hop.requiredFiles, ...hop.expectedRequests]) {
      if (aliases.has(f)) continue;
      const role = roleOfFile(f);
      if (role === 'unsigned-image' || role === 'signed-image' || role === 'loads' || role === 'signed-application' || role === 'other') add(f);
    }
    const aliasIds = new Set([...aliases].map((a) => a.replace(/\.bin$/, '')));
    for (const c of [...hop.configs, ...plan.finalConfigs]) {
      const named: string[] = [];
      if (c.name === 'OS79XX.TXT') named.push(parseOs79xxTxt(c.content).id ?? '');
      if (c.name.endsWith('.cnf')) named.push(parseSipCnf(c.content).values['image_version'] ?? '');
      if (c.name.endsWith('.cnf.xml')) for (const m of c.content.matchAll(/>([^<>\s]+)<\/loadInformation\d*>/g)) named.push(m[1] ?? '');
      for (const id of named) if (!aliasIds.has(id)) add(id);
    }
    for (const shown of hop.phoneShows) if (typeof shown.params?.['id'] === 'string') add(shown.params['id']);
  }
  return [...ids];
}

/** Every known pair in every context and variant, with each real SCCP 6.x load chosen where a choice is asked. */
function everyPlan(): { label: string; plan: Plan }[] {
  const out: { label: string; plan: Plan }[] = [];
  for (const a of KNOWN_FIRMWARE) {
    for (const b of KNOWN_FIRMWARE) {
      for (const context of ['bench', 'cme', 'cucm'] as const) {
        for (const variant of [{}, { viaSip23: true, r3: 'as-written' as const }, { via: ['P00306000100'] }, { via: ['P00306000200'] }]) {
          const input: PlanInput = { model: '7960', mac: MAC, from: a.version, to: b.version, context, ...variant };
          const r = planMigration(input);
          if (r.ok) out.push({ label: `${a.label} -> ${b.label} (${context} ${JSON.stringify(variant)})`, plan: r.plan });
        }
      }
    }
    const unknown = planMigration({ model: '7940', mac: MAC, from: 'unknown', to: a.version, context: 'bench' });
    if (unknown.ok) out.push({ label: `unknown -> ${a.label}`, plan: unknown.plan });
  }
  return out;
}

describe('real load names only', () => {
  it('the table of real names cites a public source for each row, never this project\'s files', () => {
    for (const l of [...REAL_LOADS, ...REAL_PACKAGES]) {
      const label = 'id' in l ? l.id : l.release;
      expect(l.source, label).toMatch(/cisco\.com|Cisco|public .*(write-up|guide|notes|README)/);
      expect(l.source, label).not.toMatch(/source line|domain reference|issue \d+|shared\/spec|seed/);
    }
    for (const l of REAL_LOADS) expect(parseImageName(l.id)?.id, l.id).toBe(l.id);
  });

  it('every image id the planner emits, for every known pair, is a real release name', () => {
    const plans = everyPlan();
    expect(plans.length).toBeGreaterThan(500);
    const invented: string[] = [];
    for (const { label, plan } of plans) {
      for (const id of emittedIds(plan)) if (!REAL_LOAD_IDS.has(id)) invented.push(`${id} in ${label}`);
    }
    expect(invented).toEqual([]);
  });

  it('every target the planner accepts has a real name (and a real loader name for SIP 7.x on)', () => {
    for (const k of KNOWN_FIRMWARE.filter((x) => x.exactLoad)) {
      const names = [imageIdFor(k.version), loaderIdFor(k.version)].filter((x): x is string => x !== undefined);
      for (const id of names) expect(REAL_LOAD_IDS.has(id), `${formatFirmware(k.version)}: ${id}`).toBe(true);
    }
  });
});
