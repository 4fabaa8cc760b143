import { describe, expect, it } from 'vitest';
import { formatFirmware, parseFirmwareLabel, type FirmwareVersion } from '../../../../../shared/cisco/firmware-version';
import { planMigration } from '../../../../../shared/cisco/planner/plan-migration';
import type { Plan, PlanInput } from '../../../../../shared/cisco/planner/plan-types';
import { formatMessage } from '../../../../../shared/i18n/format';
import { REAL_PACKAGES } from '../../../../fixtures/cisco-real-loads';

const MAC = '000E84C060A6';

function v(label: string): FirmwareVersion {
  const x = parseFirmwareLabel(label);
  if (x === undefined) throw new Error(label);
  return x;
}

function plan(from: string, to: string, extra: Partial<PlanInput> = {}): Plan {
  const r = planMigration({ model: '7960', mac: MAC, from: v(from), to: v(to), context: 'bench', ...extra });
  if (!r.ok) throw new Error(`refused: ${formatMessage('en', r.reason)}`);
  return r.plan;
}

function summary(p: Plan): string[] {
  return p.hops.map((h) => `${h.path} ${formatFirmware(h.from)} -> ${formatFirmware(h.to)} [${h.provenance.source}]`);
}

function packageFiles(release: string): string[] {
  const p = REAL_PACKAGES.find((x) => x.release === release);
  if (p === undefined) throw new Error(release);
  return [...p.files];
}

describe('issue 17 plans', () => {
  it('a complete SIP 8.11 bundle in the library is plannable from its own file names', () => {
    const refused = planMigration({ model: '7960', mac: MAC, from: v('SIP 7.4'), to: v('SIP 8.11'), context: 'bench' });
    expect(refused).toMatchObject({ ok: false, rule: 'unknown-version' });
    expect(!refused.ok && formatMessage('en', refused.reason)).toMatch(/no complete package of it/);
    const files = packageFiles('SIP 8.11');
    const p = plan('SIP 7.4', 'SIP 8.11', { library: { files } });
    expect(summary(p)).toEqual(['UPGRADE SIP 7.4 -> SIP 8.11 [cisco]']);
    const h = p.hops[0];
    expect(h?.requiredFiles).toEqual(['P003-08-11-00.bin', 'P003-08-11-00.sbn', 'P0S3-08-11-00.loads', 'P0S3-08-11-00.sb2']);
    for (const f of h?.requiredFiles ?? []) expect(files).toContain(f);
    expect(h?.configs.find((c) => c.name === 'OS79XX.TXT')?.content).toBe('P003-08-11-00\n');
    expect(h?.configs.find((c) => c.name === 'SIPDefault.cnf')?.content).toBe('image_version: P0S3-08-11-00\n');
    // An incomplete bundle is not enough.
    const half = planMigration({ model: '7960', mac: MAC, from: v('SIP 7.4'), to: v('SIP 8.11'), context: 'bench', library: { files: files.slice(0, 3) } });
    expect(half).toMatchObject({ ok: false, rule: 'unknown-version' });
  });

  it('names come from the library files when it holds the release, not from the width rule', () => {
    // SCCP 8.1(2) -> SIP 8.11 (F3) with the bundle: every name is one of the bundle's files.
    const files = packageFiles('SIP 8.11');
    const p = plan('SCCP 8.1(2)', 'SIP 8.11', { library: { files } });
    const named = p.hops.flatMap((h) => [...h.requiredFiles, ...h.expectedRequests]).filter((f) => /^P0[0S]3/.test(f));
    for (const f of named) expect(files, f).toContain(f);
  });

  it('CME: SIP 5.x/6.x goes through SIP 7.x then R4 (CME guide); on the bench it is offered beside R3-field', () => {
    expect(summary(plan('SIP 5.3', 'SCCP 7.2(3)', { context: 'cme' }))).toEqual([
      'UPGRADE SIP 5.3 -> SIP 6.3 [cisco]',
      'UPGRADE SIP 6.3 -> SIP 7.4 [cisco]',
      'R4 SIP 7.4 -> SCCP 7.2(3) [doc]',
    ]);
    const bench = plan('SIP 5.3', 'SCCP 7.2(3)');
    expect(summary(bench)).toEqual(['R3-field SIP 5.3 -> SCCP 7.2(3) [field]']);
    const alt = formatMessage('en', bench.warnings.find((w) => w.key === 'planner.warn.r3Alternatives') ?? { key: 'planner.warn.r3Alternatives' });
    expect(alt).toMatch(/Cisco community.*--r3 field.*gkdefault.*--r3 as-written.*CME guide.*--r3 sip7/);
    expect(summary(plan('SIP 6.3', 'SCCP 8.1(2)', { r3: 'sip7' }))).toEqual(['UPGRADE SIP 6.3 -> SIP 7.4 [cisco]', 'R4 SIP 7.4 -> SCCP 8.1(2) [doc]']);
    const unsigned = planMigration({ model: '7960', mac: MAC, from: v('SIP 4.4'), to: v('SCCP 3.3(3)'), context: 'cme' });
    expect(unsigned).toMatchObject({ ok: false, rule: 'cme-needs-sip7' });
  });

  it('--via: a load neither in the library nor in the table of real loads is refused with the loads that fit', () => {
    const r = planMigration({ model: '7960', mac: MAC, from: v('SIP 3.1'), to: v('SCCP 5.0(1.1)'), context: 'bench', via: ['P00304010500'] });
    expect(r).toMatchObject({ ok: false, rule: 'via-unfit' });
    expect(!r.ok && formatMessage('en', r.reason)).toMatch(/neither the firmware library nor the table of real loads.*fit a stop: P00306000100, P00306000200/);
  });

  it('a hop to SIP 5.3 says its file name is inferred (no public source shows P0S3-05-3-00)', () => {
    const p = plan('SIP 4.4', 'SCCP 8.1(2)');
    expect(p.hops[0]?.warnings.map((w) => formatMessage('en', w)).join('\n')).toMatch(/No public source shows the file of SIP 5\.3: the name P0S3-05-3-00 follows/);
    const withLibrary = plan('SIP 4.4', 'SCCP 8.1(2)', { library: { files: ['P0S3-05-3-00.bin'] } });
    expect(withLibrary.hops[0]?.warnings.map((w) => w.key)).not.toContain('planner.warn.inferredName');
  });

  it('final configs say what they lack, in both languages', () => {
    const sccp = plan('SIP 8.12', 'SCCP 8.1(2)');
    expect(sccp.finalNotes.map((n) => n.key)).toEqual(['planner.final.sccpCallAgent']);
    expect(formatMessage('ja', sccp.finalNotes[0]!)).toMatch(/コール エージェント/);
    const sip = plan('SCCP 8.1(2)', 'SIP 8.12', { sipSettings: { proxy1_address: '10.0.0.1' } });
    expect(formatMessage('en', sip.finalNotes[0]!)).toMatch(/add line1_name/);
    expect(plan('SCCP 8.1(2)', 'SIP 8.12', { sipSettings: { proxy1_address: '10.0.0.1', line1_name: '1001' } }).finalNotes).toEqual([]);
  });
});
