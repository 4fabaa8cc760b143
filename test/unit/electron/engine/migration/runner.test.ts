import { msg } from '../../../../../shared/i18n/message';
import { en } from '../../../../support/error-text';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleSource } from '../../../../../electron/engine/migration/bundle-source';
import { MigrationRunner, type RunnerUpdate } from '../../../../../electron/engine/migration/runner';
import type { RunnerPlan } from '../../../../../electron/engine/migration/runner-plan';

const MAC = '000E84C060A6';
const PHONE = '127.0.0.1';
const dir = mkdtempSync(path.join(tmpdir(), 'pbrunner-'));
writeFileSync(path.join(dir, 'P0S3-8-12-00.loads'), 'loads');
writeFileSync(path.join(dir, 'P0S3-8-12-00.sb2'), 'sb2-image');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plan: RunnerPlan = {
  warnings: [],
  hops: [
    {
      title: msg('planner.hop.title', { from: 'SCCP 8.1(2)', to: 'SIP 8.12', path: 'F3' }),
      requiredFiles: ['P0S3-8-12-00.loads', 'P0S3-8-12-00.sb2'],
      configs: [
        { name: `SEP${MAC}.cnf.xml`, content: '<device><loadInformation>P0S3-8-12-00</loadInformation></device>', scope: 'phone' },
        { name: `SIP${MAC}.cnf`, content: 'image_version: P0S3-8-12-00\nline1_password: "hunter2"\n', scope: 'phone' },
      ],
      aliases: [],
      expectedRequests: [`CTLSEP${MAC}.tlv`, `SEP${MAC}.cnf.xml`, 'P0S3-8-12-00.loads', 'P0S3-8-12-00.sb2'],
      doneWhen: ['SIPDefault.cnf', `SIP${MAC}.cnf`],
      phoneShows: [msg('planner.shows.upgradingSoftware')],
      warnings: [],
      provenance: msg('migrate.provenance', { source: 'doc', section: '2' }),
    },
  ],
};

function makeRunner(extra: Partial<ConstructorParameters<typeof MigrationRunner>[0]> = {}) {
  const allow: (string[] | null)[] = [];
  const updates: RunnerUpdate[] = [];
  const runner = new MigrationRunner({
    id: 'm1', mac: MAC, model: '7960', from: 'SCCP 8.1(2)', to: 'SIP 8.12', bundleId: 'b1',
    bind: { address: '127.0.0.1', port: 6969 }, plan,
    bundle: new BundleSource([
      { name: 'P0S3-8-12-00.loads', path: path.join(dir, 'P0S3-8-12-00.loads') },
      { name: 'P0S3-8-12-00.sb2', path: path.join(dir, 'P0S3-8-12-00.sb2') },
    ]),
    bundleHashes: new Map([['P0S3-8-12-00.sb2', 'abc123']]),
    progressEveryMs: 0,
    ...extra,
  });
  runner.onUpdate((u) => updates.push(u));
  runner.attach({ setAllowlist: (ips) => allow.push(ips) });
  /** Plays what the TFTP server does for one read request: the lock, the request event, the sources, the outcome. */
  let i = 0;
  const ask = async (name: string, client = PHONE) => {
    const base = { at: new Date().toISOString(), id: `t${++i}`, client: { address: client, port: 3000 }, direction: 'read' as const, filename: name, mode: 'octet' };
    const lock = allow.at(-1);
    if (lock && !lock.includes(client)) {
      runner.onTftpEvent({ at: base.at, type: 'refused', client: base.client, filename: name, direction: 'read', reason: 'not-target-phone', detail: 'not the target phone' });
      return 'refused';
    }
    runner.onTftpEvent({ ...base, type: 'request', options: {} });
    let file;
    try {
      file = await runner.source.resolve(name, client);
    } catch {
      runner.onTftpEvent({ at: base.at, type: 'refused', client: base.client, filename: name, direction: 'read', reason: 'path', detail: 'refused' });
      return 'refused';
    }
    if (!file) {
      runner.onTftpEvent({ ...base, type: 'failed', reason: 'file not found', tftpCode: 1, bytes: 0, durationMs: 1, retransmits: 0 });
      return 'not-found';
    }
    const content = await file.open();
    const bytes = (await content.read(0, 1 << 20)).toString();
    await content.close();
    runner.onTftpEvent({ ...base, type: 'negotiated', served: file.name, match: file.match, size: file.size, options: { blksize: 512, windowsize: 1, timeoutSeconds: 3, acknowledged: {} } });
    runner.onTftpEvent({ ...base, type: 'completed', served: file.name, blksize: 512, bytes: file.size, blocks: 1, durationMs: 5, retransmits: 0 });
    return bytes;
  };
  return { runner, allow, updates, ask };
}

describe('MigrationRunner', () => {
  it('learns the IP from the first request naming the MAC, locks to it, and walks the hop to success', async () => {
    const { runner, allow, ask } = makeRunner();
    expect(allow).toEqual([null]);
    expect(await ask('OS79XX.TXT', '127.0.0.9')).toBe('refused');
    expect(runner.ip).toBeUndefined();
    expect(await ask(`CTLSEP${MAC}.tlv`)).toBe('not-found');
    expect(runner.ip).toBe(PHONE);
    expect(allow).toEqual([null, [PHONE]]);
    // The request that taught the address is on the timeline, after the address was learned.
    const first = runner.timeline().find((e) => e.kind === 'request');
    expect(first?.file).toBe(`CTLSEP${MAC}.tlv`);
    expect(runner.timeline().filter((e) => e.kind === 'request' && e.client === '127.0.0.9')).toEqual([]);
    expect(await ask(`SEP${MAC}.cnf.xml`)).toContain('P0S3-8-12-00');
    expect(await ask('./p0s3-8-12-00.LOADS')).toBe('loads');
    expect(await ask('P0S3-8-12-00.sb2')).toBe('sb2-image');
    expect(runner.state).toBe('running');
    // Asked for before the image: does not count.
    await ask(`SIP${MAC}.cnf`);
    expect(await ask('P0S3-8-12-00.sb2')).toBe('sb2-image');
    expect(await ask('SIPDefault.cnf')).toBe('not-found');
    expect(runner.state).toBe('running');
    // The request that shows the new image runs is still served: the phone needs its new config.
    expect(await ask(`SIP${MAC}.cnf`)).toContain('image_version');
    expect(runner.state).toBe('succeeded');

    const kinds = runner.timeline().map((e) => e.kind);
    expect(kinds.indexOf('hop-done')).toBeLessThan(kinds.indexOf('success'));
    const refused = runner.timeline().find((e) => e.kind === 'refused');
    expect(en(refused?.message)).toMatch(/127\.0\.0\.9 asked for OS79XX\.TXT: not served/);
    expect(en(refused?.message)).toMatch(/enter its IP, or use the bench DHCP/);
    const served = runner.servedRecords();
    expect(served.map((s) => s.file)).toEqual([
      `SEP${MAC}.cnf.xml`, 'P0S3-8-12-00.loads', 'P0S3-8-12-00.sb2', `SIP${MAC}.cnf`, 'P0S3-8-12-00.sb2', `SIP${MAC}.cnf`,
    ]);
    expect(served[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(served[2]?.sha256).toBe('abc123');
    const files = runner.status().files;
    expect(files.find((f) => f.name === 'P0S3-8-12-00.sb2')?.state).toBe('served');
  });

  it('says, once per file, when the server matched a name ignoring case: a site tftpd would not (issue 17)', async () => {
    const { runner, ask } = makeRunner({ phoneIp: PHONE });
    expect(await ask('./p0s3-8-12-00.LOADS')).toBe('loads');
    expect(await ask('./p0s3-8-12-00.LOADS')).toBe('loads');
    expect(await ask('P0S3-8-12-00.sb2')).toBe('sb2-image');
    const warnings = runner.timeline().filter((e) => e.code === 'case-insensitive-match');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.kind).toBe('warning');
    expect(en(warnings[0]?.message)).toMatch(/asked for \.\/p0s3-8-12-00\.LOADS; Phonebench served P0S3-8-12-00\.loads, matching the name ignoring case\. A site TFTP server would answer "File not found"/);
  });

  it('refuses other addresses once the IP is known, and everything after the end', async () => {
    const { runner, ask } = makeRunner({ phoneIp: PHONE });
    expect(await ask(`SEP${MAC}.cnf.xml`, '127.0.0.2')).toBe('refused');
    expect(runner.refusedRecords()).toMatchObject([{ client: '127.0.0.2', file: `SEP${MAC}.cnf.xml` }]);
    await ask(`SEP${MAC}.cnf.xml`, '127.0.0.2');
    expect(runner.refusedRecords()[0]?.count).toBe(2);
    expect(runner.timeline().filter((e) => e.kind === 'refused')).toHaveLength(1);
    runner.finish('stopped', msg('migrate.stoppedByUser'));
    expect(await ask(`SEP${MAC}.cnf.xml`)).toBe('refused');
  });

  it('keeps the refusal record bounded under a flood of names', async () => {
    const { runner, ask } = makeRunner({ phoneIp: PHONE });
    for (let n = 0; n < 1100; n++) await ask(`junk${n}.bin`, '127.0.0.3');
    const records = runner.refusedRecords();
    expect(records).toHaveLength(1001);
    expect(records.at(-1)).toMatchObject({ client: '*', count: 100 });
    expect(runner.timeline().filter((e) => e.kind === 'refused').length).toBeLessThanOrEqual(1000);
  });

  it('refuses requests naming another MAC while the IP is unknown', async () => {
    const { runner, ask } = makeRunner();
    expect(await ask('SEP001122334455.cnf.xml', '127.0.0.5')).toBe('refused');
    expect(runner.ip).toBeUndefined();
    expect(runner.refusedRecords()[0]?.reason).toMatch(/another phone/);
  });

  it('marks requests outside the plan as unexpected', async () => {
    const { runner, ask } = makeRunner({ phoneIp: PHONE });
    await ask('term60.default.loads');
    const entry = runner.timeline().find((e) => e.kind === 'request');
    expect(entry?.step).toBe('unexpected');
  });

  it('moves to the next hop by itself, serving that hop\'s configs', async () => {
    const twoHops: RunnerPlan = {
      warnings: [],
      hops: [
        { ...plan.hops[0]!, title: msg('planner.hop.title', { from: 'SCCP 3.x', to: 'SCCP 6.3', path: 'first' }), configs: [{ name: 'OS79XX.TXT', content: 'P00306030200', scope: 'all' }], doneWhen: [`SEP${MAC}.cnf.xml`] },
        { ...plan.hops[0]!, title: msg('planner.hop.title', { from: 'SCCP 6.3', to: 'SIP 8.12', path: 'second' }), configs: [{ name: 'OS79XX.TXT', content: 'P0S3-8-12-00', scope: 'all' }], doneWhen: ['RINGLIST.DAT'] },
      ],
    };
    const { runner, ask } = makeRunner({ phoneIp: PHONE, plan: twoHops });
    expect(await ask('OS79XX.TXT')).toBe('P00306030200');
    await ask(`SEP${MAC}.cnf.xml`);
    expect(runner.status().currentHop).toBe(0);
    await ask('P0S3-8-12-00.sb2');
    await ask(`SEP${MAC}.cnf.xml`);
    expect(runner.status().currentHop).toBe(1);
    expect(runner.status().hops.map((h) => h.state)).toEqual(['done', 'active']);
    expect(await ask('OS79XX.TXT')).toBe('P0S3-8-12-00');
    await ask('P0S3-8-12-00.loads');
    await ask('RINGLIST.DAT');
    expect(runner.state).toBe('succeeded');
  });

  it('listens first: serves nothing, and infers the boot mechanism and protocol', async () => {
    const { runner, ask } = makeRunner({ phoneIp: PHONE, plan: null });
    expect(runner.state).toBe('listening');
    expect(await ask('OS79XX.TXT')).toBe('not-found');
    expect(runner.status().inference).toBeUndefined();
    expect(await ask('SIPDefault.cnf')).toBe('not-found');
    expect(runner.status().inference).toMatchObject({ era: 'os79xx', protocol: 'SIP' });
    expect(runner.timeline().some((e) => e.kind === 'inferred')).toBe(true);
  });

  it('turns TFTP failures and console text into hints, and masks secrets', async () => {
    const { runner } = makeRunner({ phoneIp: PHONE });
    runner.onTftpEvent({
      at: new Date().toISOString(), id: 'x', client: { address: PHONE, port: 1 }, direction: 'read', filename: 'P0S3-8-12-00.sb2', mode: 'octet',
      type: 'failed', reason: 'timed out after 6 retries', bytes: 512, durationMs: 18000, retransmits: 6,
    });
    runner.onConsoleText('boot... Protocol Appli');
    runner.onConsoleText('cation Invalid\r\nphone_password: secret1\n');
    const hints = runner.timeline().filter((e) => e.kind === 'hint').map((e) => e.hintId);
    expect(hints).toEqual(['tftp-timeout', 'protocol-application-invalid']);
    expect(runner.consoleLog()).not.toContain('secret1');
    expect(JSON.stringify(runner.configsServed())).not.toContain('hunter2');
  });

  it('learns the IP from the bench DHCP and reports strangers once', () => {
    const { runner } = makeRunner();
    runner.onDhcpEvent({ kind: 'ignored', mac: '001122334455', messageType: 'discover' });
    runner.onDhcpEvent({ kind: 'ignored', mac: '001122334455', messageType: 'discover' });
    runner.onDhcpEvent({ kind: 'acked', mac: MAC, ip: '10.0.0.20' });
    expect(runner.status()).toMatchObject({ phoneIp: '10.0.0.20', phoneIpSource: 'dhcp' });
    expect(runner.timeline().filter((e) => e.code === 'dhcp-ignored')).toHaveLength(1);
    runner.onDhcpEvent({ kind: 'chose-other-server', mac: MAC, serverId: '192.168.1.1' });
    expect(runner.status().warnings.map(en).join()).toMatch(/live network/);
  });
});
