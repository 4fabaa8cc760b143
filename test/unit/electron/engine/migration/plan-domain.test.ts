import { en } from '../../../../support/error-text';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../../../electron/engine/engine';
import { needsChoice, type PlanChoiceNeeded, type PlanCreated } from '../../../../../shared/api/plan';

function paths(v: PlanCreated | PlanChoiceNeeded): string[] | undefined {
  return needsChoice(v) ? undefined : v.plan.hops.map((h) => h.path);
}

describe('plan domain through the engine contract', () => {
  let engine: Engine;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'pb-plan-'));
    engine = await Engine.create({ dataDir, host: 'cli' });
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('plan:create from a label and from an image id', async () => {
    const r = await engine.request('plan:create', { model: '7960', mac: '0011223344aa', from: 'SCCP 3.1', to: 'SIP 8.12', context: 'bench' });
    expect(r.ok && paths(r.value)).toEqual(['F2']);
    const byId = await engine.request('plan:create', { model: '7940', mac: '0011223344AA', from: 'P0S3-07-4-00', to: 'SCCP 8.1(2)SR2', context: 'bench' });
    expect(byId.ok && byId.value.from).toEqual({ protocol: 'SIP', major: 7, minor: 4 });
    expect(byId.ok && paths(byId.value)).toEqual(['R4']);
  });

  it('R2 plans through SIP 6.3 without a choice; a chosen SCCP 6.x load from the library is taken; others refused', async () => {
    const base = { model: '7960', mac: '0011223344AA', from: 'SIP 4.4', to: 'SCCP 8.1(2)SR2', context: 'bench' } as const;
    const r = await engine.request('plan:create', { ...base, libraryFiles: ['P00306000200.sbn', 'P00306000100.bin', 'P00308010200.sbn'] });
    expect(r.ok && paths(r.value)).toEqual(['UPGRADE', 'R2', 'R2']);
    const chosen = await engine.request('plan:create', { ...base, via: ['P00306000200'] });
    expect(chosen.ok && paths(chosen.value)).toEqual(['R2', 'R2']);
    const unfit = await engine.request('plan:create', { ...base, via: ['P0030603'] });
    expect(unfit).toMatchObject({ ok: false, error: { code: 'plan-refused' } });
    expect(!unfit.ok && en(unfit.error.fix)).toMatch(/--via/);
  });

  it('an unknown target is refused with the known releases', async () => {
    const r = await engine.request('plan:create', { model: '7960', mac: '0011223344AA', from: 'SIP 4.4', to: 'SIP 99.1', context: 'bench' });
    expect(r).toMatchObject({ ok: false, error: { code: 'plan-refused' } });
    expect(!r.ok && en(r.error.message)).toMatch(/Known targets: .*SIP 8\.12/);
  });

  it('a refused plan is a plan-refused error with the reason and a fix', async () => {
    const r = await engine.request('plan:create', { model: '7960', mac: '0011223344AA', from: 'SIP 8.12', to: 'SIP 2.3', context: 'bench' });
    expect(r).toMatchObject({ ok: false, error: { code: 'plan-refused' } });
    expect(!r.ok && en(r.error.fix)).toBe('Pick a target of 5.0 or later.');
    expect(!r.ok && en(r.error.message)).toMatch(/signed/);
  });

  it('bad input is refused at the boundary', async () => {
    expect(await engine.request('plan:create', { model: '7970', mac: 'x', from: 'a', to: 'b', context: 'bench' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await engine.request('plan:create', { model: '7960', mac: '0011223344AA', from: 'SCCP three', to: 'SIP 8.12', context: 'bench' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    const quote = await engine.request('plan:create', { model: '7960', mac: '0011223344AA', from: 'SCCP 3.1', to: 'SIP 8.12', context: 'bench', sipSettings: { phone_label: 'a"b' } });
    expect(quote).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('plan:lint returns findings', async () => {
    const r = await engine.request('plan:lint', { fileName: 'OS79XX.TXT', text: 'P003-8-12-00.bin \n', planProtocol: 'SIP' });
    expect(r.ok && r.value.findings.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(await engine.request('plan:lint', { fileName: '../etc/passwd', text: '' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('plan:known-firmware lists the releases', async () => {
    const r = await engine.request('plan:known-firmware', {});
    expect(r.ok && r.value.map((k) => k.label)).toContain('SCCP 8.1(2)SR2');
  });
});
