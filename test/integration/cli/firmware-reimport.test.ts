import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundleFixtures, type BuiltFixture } from '../../fixtures/firmware-fixtures';
import { spawnCli } from '../../support/cli-process';

/** `phonebench firmware import` twice and `list`, as real processes: the second import is information, exit 0. */
const dir = mkdtempSync(path.join(tmpdir(), 'pbfw-reimport-'));
const dataDir = path.join(dir, 'data');
let fixture: BuiltFixture;

async function cli(args: string[]) {
  const p = spawnCli([...args, '--data-dir', dataDir]);
  const { code } = await p.exited;
  return { code, out: p.out(), err: p.err() };
}

beforeAll(async () => {
  fixture = (await buildBundleFixtures(path.join(dir, 'fixtures'))).sccp812!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('phonebench firmware import, again', () => {
  it('says "already there" with the bundle id and exits 0; list shows it once, under a header, with its import date', async () => {
    const first = await cli(['firmware', 'import', fixture.file]);
    expect(first.code, first.err).toBe(0);
    const id = /as ([0-9a-f]{16})/.exec(first.out)?.[1];
    expect(id).toBeDefined();
    const again = await cli(['firmware', 'import', fixture.file]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain(`Already there: ${path.basename(fixture.file)} is bundle ${id}, imported `);
    const listed = await cli(['firmware', 'list']);
    const lines = listed.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+FIRMWARE\s+KIND\s+STATE\s+FILES\s+IMPORTED\s+SOURCE$/);
    expect(lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^${id}\\s+SCCP 8\\.1\\(2\\)\\s.*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\s+${path.basename(fixture.file).replace(/\./g, '\\.')}$`))]);
  });
});
