import { describe, expect, it } from 'vitest';
import type { FirmwareVersion } from '../../../../../shared/cisco/firmware-version';
import { formatFirmware, parseFirmwareLabel } from '../../../../../shared/cisco/firmware-version';
import { planMigration } from '../../../../../shared/cisco/planner/plan-migration';
import type { Hop, Plan, PlanInput } from '../../../../../shared/cisco/planner/plan-types';
import { formatMessage } from '../../../../../shared/i18n/format';
import type { Message } from '../../../../../shared/i18n/message';

const MAC = '00:0e:84:c0:60:a6';
const M = '000E84C060A6';

function v(label: string): FirmwareVersion {
  const x = parseFirmwareLabel(label);
  if (x === undefined) throw new Error(label);
  return x;
}

function plan(from: string, to: string, extra: Partial<PlanInput> = {}): Plan {
  const r = planMigration({ model: '7960', mac: MAC, from: v(from), to: v(to), context: 'bench', ...extra });
  if (!r.ok) throw new Error(`refused: ${en(r.reason)}`);
  return r.plan;
}

/** Messages as the CLI says them. */
function en(m: Message | Message[] | undefined): string {
  if (m === undefined) return '';
  return (Array.isArray(m) ? m : [m]).map((x) => formatMessage('en', x)).join('\n');
}

function summary(p: Plan): string[] {
  return p.hops.map((h) => `${h.path} ${formatFirmware(h.from)} -> ${formatFirmware(h.to)} [${h.provenance.source}]`);
}

function config(h: Hop | undefined, name: string): string | undefined {
  return h?.configs.find((c) => c.name === name)?.content;
}

describe('paths of section 4', () => {
  it('F1: SCCP 3.1 -> SIP 4.4 through OS79XX.TXT', () => {
    const p = plan('SCCP 3.1', 'SIP 4.4');
    expect(summary(p)).toEqual(['F1 SCCP 3.1 -> SIP 4.4 [doc]']);
    const h = p.hops[0];
    expect(h?.requiredFiles).toEqual(['P0S3-04-4-00.bin']);
    expect(config(h, 'OS79XX.TXT')).toBe('P0S3-04-4-00\n');
    expect(config(h, 'SIPDefault.cnf')).toBe('image_version: P0S3-04-4-00\n');
    expect(config(h, `SIP${M}.cnf`)).toBe('image_version: P0S3-04-4-00\n');
    expect(h?.expectedRequests).toEqual(['OS79XX.TXT', 'P0S3-04-4-00.bin', 'OS79XX.TXT', 'SIPDefault.cnf', `SIP${M}.cnf`, 'RINGLIST.DAT']);
    expect(h?.doneWhen).toEqual(['SIPDefault.cnf', `SIP${M}.cnf`, 'RINGLIST.DAT']);
    expect(en(h?.warnings)).not.toContain('buffer full');
    expect(en(h?.warnings)).toContain('State Error');
  });

  it('F1 from SCCP 5.x to SIP 5.3 uses the signed image', () => {
    const p = plan('SCCP 5.0(1.1)', 'SIP 5.3');
    expect(summary(p)).toEqual(['F1 SCCP 5.0(1.1) -> SIP 5.3 [doc]']);
    expect(p.hops[0]?.requiredFiles).toEqual(['P0S3-05-3-00.sbn']);
  });

  it('F1 as written: SCCP 3.x or earlier to any SIP 6.x or earlier in one hop (source lines 169-171)', () => {
    const p = plan('SCCP 3.1', 'SIP 6.3');
    expect(summary(p)).toEqual(['F1 SCCP 3.1 -> SIP 6.3 [doc]']);
    expect(config(p.hops[0], 'OS79XX.TXT')).toBe('P0S3-06-3-00\n');
    expect(summary(plan('SCCP 3.3(3)', 'SIP 5.3'))).toEqual(['F1 SCCP 3.3(3) -> SIP 5.3 [doc]']);
  });

  it('F2: SCCP 3.1 -> SIP 8.12: the loader in XMLDefault.cnf.xml for the first boot, the application in the SIP configs [field]', () => {
    const p = plan('SCCP 3.1', 'SIP 8.12', { sipSettings: { proxy1_address: '10.0.0.1', line1_name: '1001', line1_password: 'pw' } });
    expect(summary(p)).toEqual(['F2 SCCP 3.1 -> SIP 8.12 [doc]']);
    const h = p.hops[0];
    expect(h?.requiredFiles).toEqual(['P003-8-12-00.bin', 'P003-8-12-00.sbn', 'P0S3-8-12-00.loads', 'P0S3-8-12-00.sb2']);
    expect(config(h, 'OS79XX.TXT')).toBe('P003-8-12-00\n');
    expect(config(h, 'SIPDefault.cnf')).toBe('image_version: P0S3-8-12-00\nproxy1_address: 10.0.0.1\n');
    expect(config(h, `SIP${M}.cnf`)).toBe('image_version: P0S3-8-12-00\nline1_name: 1001\nline1_password: pw\n');
    expect(config(h, 'dialplan.xml')).toBe('<DIALTEMPLATE>\n  <TEMPLATE MATCH="*" Timeout="5"/>\n</DIALTEMPLATE>\n');
    // Field guides: an SCCP phone looks for its load in XMLDefault.cnf.xml; it names the loader.
    expect(config(h, 'XMLDefault.cnf.xml')).toBe('<Default>\n  <loadInformation7 model="IP Phone 7960">P003-8-12-00</loadInformation7>\n</Default>\n');
    // No SEP file: the loader's hunt must reach SIP<MAC>.cnf, which names the application.
    expect(config(h, `SEP${M}.cnf.xml`)).toBeUndefined();
    expect(h?.expectedRequests.slice(0, 9)).toEqual([
      'OS79XX.TXT',
      `SEP${M}.cnf.xml`,
      'XMLDefault.cnf.xml',
      'P003-8-12-00.bin',
      `CTLSEP${M}.tlv`,
      `SEP${M}.cnf.xml`,
      `SIP${M}.cnf`,
      'P0S3-8-12-00.loads',
      'P0S3-8-12-00.sb2',
    ]);
    expect(en(h?.warnings)).toMatch(/Field practice.*XMLDefault\.cnf\.xml names the loader P003-8-12-00/);
    expect(en(h?.warnings)).toMatch(/If the phone stalls/);
    expect(formatMessage('ja', h?.warnings.find((w) => w.key === 'planner.warn.f2Stall') ?? { key: 'planner.warn.f2Stall' })).toMatch(/電話機が止まった場合/);
    expect(h?.configs.find((c) => c.name === `SIP${M}.cnf`)?.scope).toBe('phone');
  });

  it('F3: SCCP 8.1(2) -> SIP 8.12 through SEP<MAC>.cnf.xml', () => {
    const p = plan('SCCP 8.1(2)', 'SIP 8.12');
    expect(summary(p)).toEqual(['F3 SCCP 8.1(2) -> SIP 8.12 [doc]']);
    const h = p.hops[0];
    expect(config(h, `SEP${M}.cnf.xml`)).toBe(
      '<device>\n  <deviceProtocol>SIP</deviceProtocol>\n  <loadInformation model="IP Phone 7960">P0S3-8-12-00</loadInformation>\n</device>\n',
    );
    expect(config(h, 'SIPDefault.cnf')).toBe('image_version: P0S3-8-12-00\n');
    expect(h?.expectedRequests.slice(0, 5)).toEqual([
      `CTLSEP${M}.tlv`,
      `SEP${M}.cnf.xml`,
      'P0S3-8-12-00.loads',
      'P003-8-12-00.sbn',
      'P0S3-8-12-00.sb2',
    ]);
  });

  it('F3 to SIP 5.x/6.x goes to SIP 7.x, then down', () => {
    expect(summary(plan('SCCP 8.1(2)', 'SIP 5.3'))).toEqual(['F3 SCCP 8.1(2) -> SIP 7.4 [doc]', 'UPGRADE SIP 7.4 -> SIP 5.3 [cisco]']);
  });

  it('R1: SIP 4.4 -> SCCP 5.0(1.1), OS79XX.TXT = load id', () => {
    const p = plan('SIP 4.4', 'SCCP 5.0(1.1)');
    expect(summary(p)).toEqual(['R1 SIP 4.4 -> SCCP 5.0(1.1) [doc]']);
    const h = p.hops[0];
    expect(config(h, 'OS79XX.TXT')).toBe('P00305000101\n');
    expect(h?.requiredFiles).toEqual(['P00305000101.bin']);
    expect(config(h, `SEP${M}.cnf.xml`)).toBe('<device>\n  <loadInformation model="IP Phone 7960">P00305000101</loadInformation>\n</device>\n');
    expect(h?.expectedRequests).toEqual(['OS79XX.TXT', 'P00305000101.bin', 'OS79XX.TXT', `SEP${M}.cnf.xml`]);
  });

  it('R2: "the 6.3 image" is SIP 6.3 (P0S3-06-3-00): no choice asked, the SIP chain on the way', () => {
    const p = plan('SIP 4.4', 'SCCP 8.1(2)');
    expect(summary(p)).toEqual([
      'UPGRADE SIP 4.4 -> SIP 5.3 [cisco]',
      'R2 SIP 5.3 -> SIP 6.3 [doc]',
      'R2 SIP 6.3 -> SCCP 8.1(2) [doc]',
    ]);
    const [, h2, h3] = p.hops;
    expect(config(h2, 'OS79XX.TXT')).toBe('P0S3-06-3-00\n');
    expect(config(h2, 'SIPDefault.cnf')).toBe('image_version: P0S3-06-3-00\n');
    expect(h2?.requiredFiles).toEqual(['P0S3-06-3-00.sbn']);
    expect(config(h3, 'OS79XX.TXT')).toBe('P00308010200\n');
    expect(config(h3, 'SIPDefault.cnf')).toBe('image_version: P00308010200\n');
    expect(config(h3, `SEP${M}.cnf.xml`)).toContain('>P00308010200<');
    expect(h3?.requiredFiles).toEqual(['P00308010200.bin', 'P00308010200.sbn', 'P00308010200.loads', 'P00308010200.sb2']);
  });

  it('R2: a technician may still choose an SCCP 6.x load from the library for the first hop, marked inferred', () => {
    const p = plan('SIP 4.4', 'SCCP 8.1(2)', { via: ['P00306000200.sbn'], library: { files: ['P00306000200.sbn'] } });
    expect(summary(p)).toEqual(['R2 SIP 4.4 -> SCCP 6.0(2) [inferred]', 'R2 SCCP 6.0(2) -> SCCP 8.1(2) [doc]']);
    const [h1, h2] = p.hops;
    expect(config(h1, 'OS79XX.TXT')).toBe('P00306000200\n');
    expect(config(h1, 'SIPDefault.cnf')).toBe('image_version: P00306000200\n');
    expect(config(h1, `SEP${M}.cnf.xml`)).toContain('>P00306000200<');
    expect(h1?.requiredFiles).toEqual(['P00306000200.bin', 'P00306000200.sbn', 'P00306000200.loads', 'P00306000200.sb2']);
    expect(en(h1?.warnings)).toMatch(/6\.3 image.*P00306000200|SCCP 6\.0\(2\) was chosen/);
    expect(config(h2, 'OS79XX.TXT')).toBe('P00308010200\n');
    expect(config(h2, `SEP${M}.cnf.xml`)).toContain('>P00308010200<');
  });

  it('R3 as written: gkdefault.txt and the cfgfmt command', () => {
    const p = plan('SIP 5.3', 'SCCP 8.0(4)', { r3: 'as-written' });
    expect(summary(p)).toEqual(['R3 SIP 5.3 -> SCCP 8.0(4) [doc]']);
    const h = p.hops[0];
    expect(config(h, 'gkdefault.txt')).toBe('upgradecode:3,0x601,0x0400,0x0100,0.0.0.0,69,0x051117a,CP7940080001SCCP051117A.sbin\n');
    expect(h?.commands).toEqual(['cfgfmt -tsip_ptag.dat gkdefault.txt gkdefault.cfg']);
    expect(h?.requiredFiles.slice(0, 2)).toEqual(['gkdefault.cfg', 'CP7940080001SCCP051117A.sbin']);
    expect(h?.expectedRequests).toContain('gkdefault.cfg');
    // Labelled for what it is: the 7905/7912-style procedure; no 7940/7960 package holds .sbin or gkdefault.cfg.
    expect(en(h?.warnings)).toMatch(/7905\/7912.*\.sbin.*gkdefault\.cfg.*no 7940\/7960 package/);
  });

  it('R3 as written with an unknown upgradecode falls back to the field procedure, saying so', () => {
    const p = plan('SIP 5.3', 'SCCP 8.1(2)', { r3: 'as-written' });
    expect(summary(p)).toEqual(['R3-field SIP 5.3 -> SCCP 8.1(2) [field]']);
    expect(en(p.warnings[0])).toMatch(/upgradecode/);
    const given = plan('SIP 5.3', 'SCCP 8.1(2)', { r3: 'as-written', r3UpgradeCode: { build: '070101a', file: 'X.sbin' } });
    expect(config(given.hops[0], 'gkdefault.txt')).toBe('upgradecode:3,0x601,0x0400,0x0100,0.0.0.0,69,0x070101a,X.sbin\n');
  });

  it('R3 field procedure: OS79XX.TXT and image_version name the SCCP load', () => {
    const h = plan('SIP 6.3', 'SCCP 8.1(2)SR2').hops[0];
    expect(h?.path).toBe('R3-field');
    expect(config(h, 'OS79XX.TXT')).toBe('P0030801SR02\n');
    expect(config(h, 'SIPDefault.cnf')).toBe('image_version: P0030801SR02\n');
    expect(config(h, `SIP${M}.cnf`)).toBe('image_version: P0030801SR02\n');
  });

  it('R4: SIP 8.12 -> SCCP 6.0(2) by image_version', () => {
    const p = plan('SIP 8.12', 'SCCP 6.0(2)', { model: '7940' });
    expect(summary(p)).toEqual(['R4 SIP 8.12 -> SCCP 6.0(2) [doc]']);
    const h = p.hops[0];
    expect(config(h, 'SIPDefault.cnf')).toBe('image_version: P00306000200\n');
    expect(config(h, `SIP${M}.cnf`)).toBe('image_version: P00306000200\n');
    // SEP<MAC>.cnf.xml names the SCCP load too: a leftover SIP one would make the loader reinstall SIP.
    expect(config(h, `SEP${M}.cnf.xml`)).toBe('<device>\n  <loadInformation model="IP Phone 7940">P00306000200</loadInformation>\n</device>\n');
    expect(config(h, 'XMLDefault.cnf.xml')).toBe('<Default>\n  <loadInformation8 model="IP Phone 7940">P00306000200</loadInformation8>\n</Default>\n');
    expect(h?.expectedRequests.slice(0, 3)).toEqual([`CTLSEP${M}.tlv`, `SEP${M}.cnf.xml`, 'P00306000200.loads']);
    expect(en(h?.checklist)).toMatch(new RegExp(`another TFTP server.*SEP${M}\\.cnf\\.xml`));
  });

  it('CM: a CUCM checklist, no TFTP work', () => {
    const r = planMigration({ model: '7960', mac: MAC, from: v('SCCP 8.1(2)'), to: v('SIP 8.12'), context: 'cucm' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const h = r.plan.hops[0];
    expect(r.plan.hops).toHaveLength(1);
    expect(h?.path).toBe('CM');
    expect(h?.provenance.source).toBe('doc');
    expect(h?.requiredFiles).toEqual([]);
    expect(h?.configs).toEqual([]);
    expect(en(h?.checklist)).toMatch(/Migrate Phones > SCCP to SIP/);
    expect(en(h?.checklist)).toMatch(/Bulk Provisioning Service/);
    expect(en(h?.checklist)).toMatch(/Auto Registration Phone Protocol = SIP/);
    expect(en(h?.checklist)).toMatch(/SIP on the 7940\/7960 needs CUCM 5\.0 or later/);
    expect(en(h?.checklist)).toMatch(/supports SIP on this phone model \(source document, line 105\)/);
    expect(r.plan.finalConfigs).toEqual([]);
    const back = planMigration({ model: '7960', mac: MAC, from: v('SIP 8.12'), to: v('SCCP 8.1(2)'), context: 'cucm' });
    expect(back.ok && en(back.plan.hops[0]?.checklist)).toMatch(/Delete the SIP phone/);
  });

  it('SIP upgrade chain 2.3 -> 4.4 -> 5.3 -> 6.x -> 8.12', () => {
    expect(summary(plan('SIP 2.3', 'SIP 8.12'))).toEqual([
      'UPGRADE SIP 2.3 -> SIP 4.4 [cisco]',
      'UPGRADE SIP 4.4 -> SIP 5.3 [cisco]',
      'UPGRADE SIP 5.3 -> SIP 6.3 [cisco]',
      'UPGRADE SIP 6.3 -> SIP 8.12 [cisco]',
    ]);
  });

  it('SIP downgrade goes to 7.x first', () => {
    expect(summary(plan('SIP 8.12', 'SIP 5.3'))).toEqual(['UPGRADE SIP 8.12 -> SIP 7.4 [cisco]', 'UPGRADE SIP 7.4 -> SIP 5.3 [cisco]']);
  });
});

describe('rules', () => {
  it('refuses below 5.0 once signed, with the reason', () => {
    for (const [from, to] of [
      ['SIP 5.3', 'SIP 4.4'],
      ['SCCP 5.0(1.1)', 'SIP 2.3'],
      ['SIP 8.12', 'SCCP 3.3(3)'],
      ['SCCP 8.1(2)', 'SCCP 3.3(3)'],
    ] as const) {
      const r = planMigration({ model: '7960', mac: MAC, from: v(from), to: v(to), context: 'bench' });
      expect(r).toMatchObject({ ok: false, rule: 'signed-no-downgrade' });
      expect(!r.ok && en(r.reason)).toMatch(/signed/);
    }
  });

  it('SIP 3.x or earlier to SCCP 5.x: "try the latest SCCP 4.x first" is advice, offered when the library holds one', () => {
    const direct = plan('SIP 2.3', 'SCCP 5.0(1.1)');
    expect(summary(direct)).toEqual(['R1 SIP 2.3 -> SCCP 5.0(1.1) [doc]']);
    expect(en(direct.warnings)).toMatch(/advises trying the latest SCCP 4\.x.*holds no SCCP 4\.x load/);
    expect(JSON.stringify(direct)).not.toMatch(/P0030401/);
    const offered = plan('SIP 2.3', 'SCCP 5.0(1.1)', { library: { files: ['P00304010500.bin', 'P00305000101.bin'] } });
    expect(summary(offered)).toEqual(['R1 SIP 2.3 -> SCCP 5.0(1.1) [doc]']);
    expect(en(offered.warnings)).toMatch(/holds P00304010500: plan again with --via/);
    const stop = plan('SIP 3.1', 'SCCP 5.0(1.1)', { via: ['P00304010500'], library: { files: ['P00304010500.bin'] } });
    expect(summary(stop)).toEqual(['R1 SIP 3.1 -> SCCP 4.1(5) [doc]', 'UPGRADE SCCP 4.1(5) -> SCCP 5.0(1.1) [cisco]']);
  });

  it('a chosen load must be an exact 12-digit SCCP 4.x or 6.x name; an unused one is said', () => {
    for (const bad of ['P0030401', 'P00306030000x', 'P0S3-8-12-00', 'P00308010200', 'P003-8-12-00', 'P00306030000']) {
      const r = planMigration({ model: '7960', mac: MAC, from: v('SIP 4.4'), to: v('SCCP 8.1(2)'), context: 'bench', via: [bad] });
      expect(r, bad).toMatchObject({ ok: false, rule: 'via-unfit' });
    }
    const p = plan('SIP 4.4', 'SCCP 5.0(1.1)', { via: ['P00306000200'] });
    expect(en(p.warnings)).toMatch(/P00306000200 is not needed/);
  });

  it('unknown versions are refused with the releases Phonebench knows', () => {
    const r = planMigration({ model: '7960', mac: MAC, from: v('SIP 4.4'), to: v('SIP 99.1'), context: 'bench' });
    expect(r).toMatchObject({ ok: false, rule: 'unknown-version' });
    expect(!r.ok && en(r.reason)).toMatch(/SIP 99\.1.*Known targets: .*SCCP 8\.1\(2\)SR2.*SIP 8\.12/);
    // A start-only release (no exact load known) is no target.
    expect(planMigration({ model: '7960', mac: MAC, from: v('SIP 8.12'), to: v('SCCP 6.3'), context: 'bench' })).toMatchObject({ ok: false, rule: 'unknown-version' });
    expect(planMigration({ model: '7960', mac: MAC, from: v('SIP 99.1'), to: v('SIP 8.12'), context: 'bench' })).toMatchObject({ ok: false, rule: 'unknown-version' });
  });

  it('SIP 2.x hop: minimal OS79XX.TXT and SIPDefault.cnf, full config restored in the next hop', () => {
    const settings = { proxy1_address: '10.0.0.1', line1_name: '1001' };
    const p = plan('SIP 2.3', 'SIP 5.3', { sipSettings: settings });
    const [h1, h2] = p.hops;
    expect(config(h1, 'OS79XX.TXT')).toBe('P0S3-04-4-00\n');
    expect(config(h1, 'SIPDefault.cnf')).toBe('image_version: P0S3-04-4-00\n');
    expect(config(h1, `SIP${M}.cnf`)).toBe('image_version: P0S3-04-4-00\n');
    expect(en(h1?.warnings)).toContain('W210 TFTP Error : buffer full');
    expect(config(h2, 'SIPDefault.cnf')).toBe('image_version: P0S3-05-3-00\nproxy1_address: 10.0.0.1\n');
    expect(en(h2?.warnings)).toContain('restores the full SIP config');
  });

  it('SIP 2.x last hop: the full config is in finalConfigs', () => {
    const p = plan('SIP 2.3', 'SIP 4.4', { sipSettings: { proxy1_address: '10.0.0.1' } });
    expect(p.hops).toHaveLength(1);
    expect(p.finalConfigs.find((c) => c.name === 'SIPDefault.cnf')?.content).toBe('image_version: P0S3-04-4-00\nproxy1_address: 10.0.0.1\n');
    expect(en(p.warnings)).toContain('finalConfigs');
  });

  it('SIP 2.1 and earlier: SCCP load served under an 8.3 alias', () => {
    const p = plan('SIP 2.1', 'SCCP 3.3(3)');
    const h = p.hops[0];
    expect(h?.path).toBe('R1');
    expect(h?.aliases).toEqual([{ alias: 'P0030303.bin', file: 'P00303030300.bin' }]);
    expect(config(h, 'OS79XX.TXT')).toBe('P0030303\n');
    expect(config(h, 'SIPDefault.cnf')).toBe('image_version: P0030303\n');
    expect(h?.expectedRequests.slice(0, 2)).toEqual(['OS79XX.TXT', 'P0030303.bin']);
    expect(plan('SIP 2.3', 'SCCP 3.3(3)').hops[0]?.aliases).toEqual([]);
  });

  it('SIP 2.3 fallback hop for old SCCP to SIP 3.x/4.x', () => {
    expect(summary(plan('SCCP 3.1', 'SIP 4.4', { viaSip23: true }))).toEqual([
      'SIP23-FALLBACK SCCP 3.1 -> SIP 2.3 [doc]',
      'UPGRADE SIP 2.3 -> SIP 4.4 [cisco]',
    ]);
    const h = plan('SCCP 3.1', 'SIP 4.4', { viaSip23: true }).hops[0];
    expect(config(h, 'OS79XX.TXT')).toBe('P0S30203\n');
    expect(h?.requiredFiles).toEqual(['P0S30203.bin']);
  });

  it('CME: SCCP 5.x before converting', () => {
    const r = planMigration({ model: '7960', mac: MAC, from: v('SCCP 3.1'), to: v('SIP 8.12'), context: 'cme' });
    expect(r.ok && summary(r.plan)).toEqual(['UPGRADE SCCP 3.1 -> SCCP 5.0(1.1) [cisco]', 'F2 SCCP 5.0(1.1) -> SIP 8.12 [doc]']);
  });

  it('uncovered start: SCCP 4.x is marked inferred with a reason', () => {
    const p = plan('SCCP 4.1', 'SIP 8.12');
    expect(p.hops[0]?.provenance).toMatchObject({ source: 'inferred' });
    expect(en(p.hops[0]?.provenance.reason)).toMatch(/SCCP 4.x/);
  });

  it('MGCP is named and refused', () => {
    const r = planMigration({ model: '7960', mac: MAC, from: v('MGCP 8.1'), to: v('SIP 8.12'), context: 'bench' });
    expect(r).toMatchObject({ ok: false, rule: 'mgcp-out-of-scope' });
  });

  it('a bad MAC is refused with the fix', () => {
    const r = planMigration({ model: '7960', mac: '00:11', from: v('SCCP 3.1'), to: v('SIP 8.12'), context: 'bench' });
    expect(r).toMatchObject({ ok: false, rule: 'bad-mac' });
  });

  it('unknown start: files for both boot mechanisms, signed targets only', () => {
    const r = planMigration({ model: '7960', mac: MAC, from: 'unknown', to: v('SIP 8.12'), context: 'bench' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const names = r.plan.hops[0]?.configs.map((c) => c.name).sort();
    expect(names).toEqual(['OS79XX.TXT', `SEP${M}.cnf.xml`, 'SIPDefault.cnf', `SIP${M}.cnf`, 'XMLDefault.cnf.xml', 'dialplan.xml'].sort());
    expect(r.plan.hops[0]?.provenance.source).toBe('inferred');
    expect(planMigration({ model: '7960', mac: MAC, from: 'unknown', to: v('SIP 4.4'), context: 'bench' })).toMatchObject({ ok: false, rule: 'unknown-start' });
  });

  it('library: missing files are named', () => {
    const p = plan('SCCP 3.1', 'SIP 8.12', { library: { files: ['P003-8-12-00.bin', 'P003-8-12-00.sbn', 'P0S3-8-12-00.loads', 'ringer1.pcm'] } });
    expect(en(p.hops[0]?.warnings)).toContain('P0S3-8-12-00.sb2 is not in the firmware library');
    expect(config(p.hops[0], 'RINGLIST.DAT')).toBe('ringer1\tringer1.pcm\n');
  });

  it('same firmware: nothing to do', () => {
    const p = plan('SIP 8.12', 'SIP 8.12');
    expect(p.hops).toEqual([]);
    expect(en(p.warnings[0])).toMatch(/nothing to do/);
  });
});
