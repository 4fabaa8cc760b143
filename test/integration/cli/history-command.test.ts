import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryDay, HistoryRecord } from '../../../shared/api/history';
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { historyFile } from '../../../electron/engine/history/history-store';
import { buildBundleFixtures } from '../../fixtures/firmware-fixtures';
import { spawnCli } from '../../support/cli-process';
import { requireTool } from '../../support/require-tool';

/**
 * `phonebench history` as a real process, over a history another real process (`migrate --demo`) wrote:
 * the record survives the process that made it, a corrupt line is said and skipped, the day zip opens in unzip.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'pbhistory-cli-'));
const dataDir = path.join(dir, 'data');
let demoRecord: HistoryRecord;

async function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const p = spawnCli([...args, '--data-dir', dataDir]);
  const { code } = await p.exited;
  return { code, out: p.out(), err: p.err() };
}

const failedRecord: HistoryRecord = {
  id: 'mfailed0001',
  mac: '000E84C060A7',
  model: '7940',
  from: 'SCCP 3.1',
  to: 'SIP 8.12',
  bundleId: '0123456789abcdef',
  result: 'failed',
  reason: { key: 'migrate.stoppedByUser' },
  code: 'migrate.stoppedByUser',
  startedAt: '',
  endedAt: '',
  durationMs: 65_000,
  reportFile: 'phonebench-gone.json',
  demo: false,
};

beforeAll(async () => {
  const fixtures = await buildBundleFixtures(path.join(dir, 'fixtures'));
  const bundle = (await new FirmwareLibrary(libraryRoot(dataDir)).import(fixtures.sip812!.file)).id;
  const run = await cli(['migrate', '--demo', '--from', 'SCCP 8.1(2)SR2', '--to-bundle', bundle, '--mac', '000E84C060A6']);
  expect(run.code, run.out + run.err).toBe(0);
  const lines = readFileSync(historyFile(dataDir), 'utf8').trim().split('\n');
  expect(lines).toHaveLength(1);
  demoRecord = JSON.parse(lines[0]!) as HistoryRecord;
  // A failed run of the same day (its report file is gone) and a line a crash cut short.
  const failed = { ...failedRecord, startedAt: demoRecord.startedAt, endedAt: demoRecord.endedAt };
  appendFileSync(historyFile(dataDir), `${JSON.stringify(failed)}\n{"id":"cut-sh`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('phonebench history', () => {
  it('the demo run was recorded by the migrate process: MAC, model, from, to, result, report', () => {
    expect(demoRecord).toMatchObject({ mac: '000E84C060A6', model: '7960', from: 'SCCP 8.1(2)SR2', to: 'SIP 8.12', result: 'succeeded', demo: true });
    expect(demoRecord.reportFile).toMatch(/^phonebench-000E84C060A6-.*\.json$/);
    expect(demoRecord.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('prints a header, each run and the day summary; the corrupt line is said on stderr, exit 0', async () => {
    const r = await cli(['history']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^started\s+MAC\s+model\s+from\s+to\s+result\s+time\s+report$/m);
    expect(r.out).toMatch(/000E84C060A6\s+7960\s+SCCP 8\.1\(2\)SR2\s+SIP 8\.12\s+done \[demo\]/);
    expect(r.out).toMatch(/000E84C060A7\s+7940\s+SCCP 3\.1\s+SIP 8\.12\s+failed \(migrate\.stoppedByUser\)\s+1:05/);
    expect(r.out).toContain('2 runs, 1 done, 1 failed, 0 stopped');
    expect(r.out).toContain('1 x Stopped by the technician.');
    expect(r.err).toMatch(/1 line of .*runs\.jsonl could not be read and were skipped/);
  });

  it('--csv: one header and one row per run (LF lines on a terminal; the zip index has CRLF)', async () => {
    const r = await cli(['history', '--csv']);
    expect(r.code).toBe(0);
    const rows = r.out.trimEnd().split('\n');
    expect(rows[0]).toBe('started,mac,model,from,to,result,code,reason,seconds,report,demo');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain(',000E84C060A7,7940,SCCP 3.1,SIP 8.12,failed,migrate.stoppedByUser,');
  });

  it('--json --day: the records and the day, with the corrupt count', async () => {
    const day = localDayOf(demoRecord.startedAt);
    const r = await cli(['history', '--json', '--day', day]);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { records: HistoryRecord[]; days: HistoryDay[]; corrupt: number };
    expect(parsed.corrupt).toBe(1);
    expect(parsed.records.map((x) => x.mac)).toEqual(['000E84C060A6', '000E84C060A7']);
    expect(parsed.days).toEqual([
      { day, runs: 2, succeeded: 1, failed: 1, stopped: 0, reasons: [{ code: 'migrate.stoppedByUser', reason: { key: 'migrate.stoppedByUser' }, count: 1 }] },
    ]);
    const other = await cli(['history', '--json', '--day', '1999-01-01']);
    expect((JSON.parse(other.out) as { records: unknown[] }).records).toEqual([]);
  });

  it('--day that is not a day is a usage error naming the form', async () => {
    const r = await cli(['history', '--day', 'today']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--day is written YYYY-MM-DD');
  });

  describe.runIf(requireTool('unzip', "open the day's zip with Info-ZIP unzip"))('--zip', () => {
    it("writes one zip of the day's reports (JSON and HTML) with index.csv, which unzip tests clean", async () => {
      const day = localDayOf(demoRecord.startedAt);
      const zip = path.join(dir, 'day.zip');
      const r = await cli(['history', '--day', day, '--zip', zip]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('1 report of');
      expect(r.out).toContain('1 missing (listed in index.csv)');
      const test = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
      expect(test.status, test.stdout + test.stderr).toBe(0);
      const names = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
      const base = demoRecord.reportFile!.replace(/\.json$/, '');
      expect(names).toEqual([`${base}.html`, `${base}.json`, 'index.csv'].sort());
      const report = spawnSync('unzip', ['-p', zip, demoRecord.reportFile!], { encoding: 'utf8' }).stdout;
      expect(report).toBe(readFileSync(path.join(dataDir, 'reports', demoRecord.reportFile!), 'utf8'));
      const index = spawnSync('unzip', ['-p', zip, 'index.csv'], { encoding: 'utf8' }).stdout;
      expect(index.split('\r\n').filter(Boolean)).toHaveLength(3);
    });

    it('a day without runs is an error naming the fix, and no file', async () => {
      const zip = path.join(dir, 'none.zip');
      const r = await cli(['history', '--day', '1999-01-01', '--zip', zip]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('No migration runs on 1999-01-01.');
      expect(() => readFileSync(zip)).toThrow();
    });
  });
});

function localDayOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
