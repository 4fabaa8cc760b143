import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleSummary } from '../../../../../shared/api/firmware';
import { runCommand, type CliRun } from '../../../../support/cli-harness';
import { firmwareCommand } from '../../../../../electron/cli/commands/firmware';
import { buildBundleFixtures, buildHostileFixtures, type BuiltFixture, type HostileFixture } from '../../../../fixtures/firmware-fixtures';

let work: string;
let dataDir: string;
let bundles: Record<string, BuiltFixture>;
let hostile: HostileFixture[];

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-cli-fw-'));
  dataDir = path.join(work, 'data');
  bundles = await buildBundleFixtures(path.join(work, 'bundles'));
  hostile = await buildHostileFixtures(path.join(work, 'hostile'));
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

function run(...args: string[]): Promise<CliRun> {
  return runCommand(firmwareCommand, [...args, '--data-dir', dataDir]);
}

describe('phonebench firmware', () => {
  it('imports, lists, shows and exports', async () => {
    const imported = await run('import', bundles.sip812!.file);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('SIP 8.12');
    expect(imported.out).toContain('Complete: yes');
    expect(imported.err).toContain('extracting...');

    const listed = await run('list', '--json');
    expect(listed.code).toBe(0);
    const list = JSON.parse(listed.out) as BundleSummary[];
    expect(list).toHaveLength(1);
    const id = list[0]!.id;
    expect(list[0]).toMatchObject({ versionLabel: 'SIP 8.12', complete: true, fileCount: 5 });

    const shown = await run('show', id);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/[0-9a-f]{64}\s+\d+\s+P0S3-8-12-00\.sb2/);

    const to = path.join(work, 'tftp-root');
    const exported = await run('export', id, '--to', to);
    expect(exported.code).toBe(0);
    expect((await fs.readdir(to)).sort()).toEqual([...bundles.sip812!.files.keys()].sort());
  });

  it('exits non-zero on a refused import, with the reason and the fix', async () => {
    const bomb = hostile.find((h) => h.label === 'zip bomb (ratio)')!;
    const refused = await run('import', bomb.file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('zip bomb');
    expect(refused.err).toContain('fix:');
    const json = await run('import', bomb.file, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'archive-refused' } });
  });

  it('says a second import of the same archive is already there, with the bundle id, as information (exit 0)', async () => {
    const id = (JSON.parse((await run('list', '--json')).out) as BundleSummary[])[0]!.id;
    const again = await run('import', bundles.sip812!.file);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(new RegExp(`^Already there: cisco-sip-7940-7960-8-12\\.zip is bundle ${id}, imported \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\. Nothing imported\\.\\n$`));
    expect(again.err).not.toContain('phonebench:');
    const json = await run('import', bundles.sip812!.file, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, alreadyThere: true, id });
  });

  it('lists the library under a header line, with import dates', async () => {
    const listed = await run('list');
    expect(listed.code).toBe(0);
    const [header, ...rows] = listed.out.trimEnd().split('\n');
    expect(header).toMatch(/^ID\s+FIRMWARE\s+KIND\s+STATE\s+FILES\s+IMPORTED\s+SOURCE$/);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^[0-9a-f]{16}\s+SIP 8\.12\s+\S+\s+complete\s+5\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+cisco-sip-7940-7960-8-12\.zip$/);
  });

  it('rejects wrong usage with exit 2', async () => {
    expect((await run('export', '0123456789abcdef')).code).toBe(2);
    expect((await run('show')).code).toBe(2);
    expect((await run('frobnicate', 'x')).code).toBe(2);
  });
});
