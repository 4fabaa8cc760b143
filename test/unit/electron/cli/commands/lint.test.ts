import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliCommand } from '../../../../../electron/cli/command';
import { runCommand, type CliRun } from '../../../../support/cli-harness';
import { lintCommand } from '../../../../../electron/cli/commands/lint';

let work: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-cli-lint-'));
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

function run(command: CliCommand, ...args: string[]): Promise<CliRun> {
  return runCommand(command, [...args, '--data-dir', path.join(work, 'data')]);
}

describe('phonebench lint', () => {
  it('reports findings and exits 1 on errors, 0 when clean', async () => {
    const bad = path.join(work, 'OS79XX.TXT');
    await fs.writeFile(bad, 'P003-8-12-00.bin\n');
    const good = path.join(work, 'SIPDefault.cnf');
    await fs.writeFile(good, 'image_version: P0S3-8-12-00\nphone_password: secret99 \n');
    const r = await run(lintCommand, bad, good);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${bad}:1: error: OS79XX.TXT holds the extension .bin.`);
    expect(r.out).not.toContain('secret99');
    expect(r.out).toContain('2 files, 1 error, 1 warning');
    const clean = await run(lintCommand, good, '--json');
    expect(clean.code).toBe(0);
    expect((JSON.parse(clean.out) as { value: { findings: unknown[] } }).value.findings).toHaveLength(1);
  });

  it('--library: OS79XX.TXT naming P0S3-8-12-00 fails against the real SIP 8.12 package; the package\'s own P003-8-12-00 passes', async () => {
    // The SIP 8.12 file set of the domain reference, section 2 ("Firmware packages").
    const library = path.join(work, 'sip-8-12');
    await fs.mkdir(library, { recursive: true });
    for (const name of ['P003-8-12-00.bin', 'P003-8-12-00.sbn', 'P0S3-8-12-00.loads', 'P0S3-8-12-00.sb2']) await fs.writeFile(path.join(library, name), 'x');
    const os = path.join(work, 'os79xx-app', 'OS79XX.TXT');
    await fs.mkdir(path.dirname(os), { recursive: true });
    await fs.writeFile(os, 'P0S3-8-12-00\n');
    const wrong = await run(lintCommand, os, '--library', library);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/error: .*P0S3-8-12-00/);
    expect(wrong.out).toMatch(/fix: Write P003-8-12-00\./);
    await fs.writeFile(os, 'P003-8-12-00\n');
    const right = await run(lintCommand, os, '--library', library);
    expect(right.code).toBe(0);
    expect(right.out).toContain('1 file, 0 errors, 0 warnings');
  });

  it('a missing file is an io-error', async () => {
    const r = await run(lintCommand, path.join(work, 'nope.cnf'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Cannot read/);
  });
});
