import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../../../../shared/api/history';
import type { MigrationStatus } from '../../../../../shared/api/migrate';
import { EngineLog } from '../../../../../electron/engine/engine-log';
import { HistoryService, localDay, recordOf } from '../../../../../electron/engine/history/history-service';
import { HistoryStore, historyFile } from '../../../../../electron/engine/history/history-store';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pb-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function record(n: number, over: Partial<HistoryRecord> = {}): HistoryRecord {
  const at = new Date(Date.UTC(2026, 11, 4, 10, 0, n)).toISOString();
  return { id: `m${n}`, mac: '000E84C060A6', model: '7960', from: 'SCCP 3.1', to: 'SIP 8.12', bundleId: 'b', result: 'succeeded', startedAt: at, endedAt: at, durationMs: 1000, demo: false, ...over };
}

const status = (over: Partial<MigrationStatus>): MigrationStatus => ({
  id: 'm1', state: 'failed', mac: '000E84C060A6', model: '7940', from: 'SCCP 3.1', to: 'SIP 8.12', bundleId: 'b',
  bind: { address: '127.0.0.1', port: 69 }, hops: [], currentHop: 0, files: [], warnings: [],
  startedAt: '2026-12-04T10:00:00.000Z', endedAt: '2026-12-04T10:03:30.000Z', demo: false, ...over,
});

describe('HistoryStore', () => {
  it('survives a restart: a new store on the same file reads what the old one appended', async () => {
    const file = path.join(dir, 'a', 'runs.jsonl');
    const first = new HistoryStore(file);
    await first.append(record(1));
    await first.append(record(2));
    const again = await new HistoryStore(file).load();
    expect(again.records.map((r) => r.id)).toEqual(['m1', 'm2']);
    expect(again.corrupt).toBe(0);
  });

  it('a line cut short by a crash is counted, and the next append starts on a fresh line', async () => {
    const file = path.join(dir, 'b', 'runs.jsonl');
    mkdirSync(path.dirname(file));
    writeFileSync(file, `${JSON.stringify(record(1))}\nnot json\n${JSON.stringify({ id: 'wrong shape' })}\n{"id":"m2","mac`);
    const store = new HistoryStore(file);
    const loaded = await store.load();
    expect(loaded.records.map((r) => r.id)).toEqual(['m1']);
    expect(loaded.corrupt).toBe(3);
    expect(loaded.firstCorruptLine).toBe(2);
    await store.append(record(3));
    const reread = await new HistoryStore(file).load();
    expect(reread.records.map((r) => r.id)).toEqual(['m1', 'm3']);
    expect(reread.corrupt).toBe(3);
  });

  it('stays bounded: past maxRecords the file is rewritten with the newest runs only', async () => {
    const file = path.join(dir, 'c', 'runs.jsonl');
    const store = new HistoryStore(file, { maxRecords: 5, maxBytes: 1024 * 1024 });
    for (let n = 1; n <= 12; n++) await store.append(record(n));
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(6);
    const reread = await new HistoryStore(file).load();
    expect(reread.records.at(-1)?.id).toBe('m12');
    expect(reread.records.length).toBeLessThanOrEqual(6);
  });

  it('stays bounded in bytes too', async () => {
    const file = path.join(dir, 'd', 'runs.jsonl');
    const store = new HistoryStore(file, { maxRecords: 10_000, maxBytes: 4096 });
    for (let n = 1; n <= 60; n++) await store.append(record(n));
    expect(readFileSync(file).length).toBeLessThanOrEqual(4096);
    expect((await new HistoryStore(file).load()).records.at(-1)?.id).toBe('m60');
  });
});

describe('HistoryService', () => {
  it('records a finished run with its reason code and duration; a running one is not a record', () => {
    expect(recordOf(status({ state: 'running' }), undefined)).toBeUndefined();
    const r = recordOf(status({ message: { key: 'migrate.stoppedByUser' } }), 'r.json');
    expect(r).toMatchObject({ result: 'failed', code: 'migrate.stoppedByUser', durationMs: 210_000, reportFile: 'r.json', model: '7940' });
  });

  it('says a corrupt history once in the engine log, and still answers', async () => {
    const dataDir = path.join(dir, 'svc');
    mkdirSync(path.dirname(historyFile(dataDir)), { recursive: true });
    writeFileSync(historyFile(dataDir), `garbage\n${JSON.stringify(record(1))}\n`);
    const log = new EngineLog(path.join(dataDir, 'logs', 'engine.jsonl'));
    const service = new HistoryService(dataDir, log);
    const fired: string[] = [];
    service.onRecord((r) => fired.push(r.id));
    expect((await service.list(undefined, 100)).corrupt).toBe(1);
    await service.summary(undefined);
    expect(log.recent(10).filter((e) => e.area === 'history')).toEqual([
      expect.objectContaining({ action: 'read history', detail: '1 line(s) could not be read and were skipped', context: expect.objectContaining({ firstLine: 1 }) }),
    ]);
    await service.recordRun(status({ id: 'm9', message: { key: 'migrate.stoppedByUser' } }), undefined);
    expect(fired).toEqual(['m9']);
    const summary = await service.summary(localDay('2026-12-04T10:00:00.000Z'));
    expect(summary.days).toHaveLength(1);
    expect(summary.days[0]).toMatchObject({ runs: 2, succeeded: 1, failed: 1, reasons: [{ code: 'migrate.stoppedByUser', count: 1 }] });
    await service.dispose();
  });

  it('a day zip of a day without runs is not-found', async () => {
    const service = new HistoryService(path.join(dir, 'empty'), new EngineLog(path.join(dir, 'empty', 'e.jsonl')));
    await expect(service.zip('2026-12-04')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('HistoryStore beside another writer', () => {
  it('sees runs another process appended to the same file since it last read', async () => {
    const file = path.join(dir, 'e', 'runs.jsonl');
    const app = new HistoryStore(file);
    await app.append(record(1));
    expect((await app.load()).records).toHaveLength(1);
    await new HistoryStore(file).append(record(2));
    expect((await app.load()).records.map((r) => r.id)).toEqual(['m1', 'm2']);
  });
});
