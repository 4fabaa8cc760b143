import { describe, expect, it } from 'vitest';
import { KEEP_FINISHED, TransferTable } from '../../../../../electron/engine/tftp/transfer-table';
import type { TftpEvent } from '../../../../../shared/api/tftp';

const at = '2026-11-28T09:15:02.000Z';
const meta = { at, id: 't1', client: { address: '10.1.1.20', port: 5000 }, direction: 'read' as const, filename: './sipdefault.cnf', mode: 'octet' };

function fold(events: TftpEvent[], table = new TransferTable()): TransferTable {
  for (const e of events) table.apply(e);
  return table;
}

describe('the engine-side transfer table', () => {
  it('follows a transfer from request to completion', () => {
    const table = fold([
      { ...meta, type: 'request', options: {} },
      { ...meta, type: 'negotiated', served: 'SIPDefault.cnf', match: 'case-insensitive', size: 2000, options: { blksize: 512, windowsize: 1, timeoutSeconds: 3, acknowledged: {} } },
      { ...meta, type: 'progress', bytes: 1000, blocks: 2, totalBytes: 2000, bytesPerSecond: 5000 },
    ]);
    expect(table.rows()).toEqual([expect.objectContaining({ id: '0.t1', state: 'running', served: 'SIPDefault.cnf', bytes: 1000, totalBytes: 2000 })]);
    const changed = table.apply({ ...meta, type: 'completed', served: 'SIPDefault.cnf', blksize: 512, bytes: 2000, blocks: 4, durationMs: 100, retransmits: 0 });
    expect(changed).toEqual([expect.objectContaining({ id: '0.t1', state: 'done', bytesPerSecond: 20000 })]);
  });

  it('keeps per transfer the start time, duration, block size and retries (Tftpd64 columns)', () => {
    const table = fold([
      { ...meta, type: 'request', options: { blksize: '1428' } },
      { ...meta, type: 'negotiated', served: 'SIPDefault.cnf', match: 'case-insensitive', size: 2000, options: { blksize: 1428, windowsize: 1, timeoutSeconds: 3, acknowledged: { blksize: '1428' } } },
    ]);
    expect(table.rows()[0]).toMatchObject({ at, blksize: 1428 });
    expect(table.rows()[0]?.durationMs).toBeUndefined();
    table.apply({ ...meta, type: 'completed', served: 'SIPDefault.cnf', blksize: 1428, bytes: 2000, blocks: 2, durationMs: 1250, retransmits: 3 });
    expect(table.rows()[0]).toMatchObject({ at, durationMs: 1250, blksize: 1428, retries: 3 });
    const failed = fold([
      { ...meta, id: 't2', type: 'request', options: {} },
      { ...meta, id: 't2', type: 'failed', reason: 'timed out', bytes: 512, durationMs: 9000, retransmits: 5 },
    ]);
    expect(failed.rows()[0]).toMatchObject({ state: 'failed', durationMs: 9000, retries: 5 });
  });

  it('ends a request refused after it got an id as refused, never a stuck "sending" row', () => {
    const table = fold([
      { ...meta, type: 'request', options: {} },
      { at, type: 'refused', id: 't1', client: meta.client, filename: meta.filename, direction: 'read', reason: 'path', detail: 'absolute path' },
    ]);
    expect(table.rows()).toEqual([expect.objectContaining({ id: '0.t1', state: 'refused', refusal: 'path', detail: 'absolute path' })]);
  });

  it('adds a row for a refusal from another address (no transfer id)', () => {
    const table = fold([
      { ...meta, type: 'request', options: {} },
      { at, type: 'refused', client: { address: '10.1.1.99', port: 7000 }, filename: 'OS79XX.TXT', direction: 'read', reason: 'not-target-phone', detail: 'not the target phone' },
      { at, type: 'refused', client: { address: '10.1.1.99', port: 7001 }, filename: 'OS79XX.TXT', direction: 'read', reason: 'not-target-phone', detail: 'not the target phone' },
    ]);
    const rows = table.rows();
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.state === 'refused').map((r) => r.client)).toEqual(['10.1.1.99', '10.1.1.99']);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    expect(rows.find((r) => r.id === '0.t1')?.state).toBe('running');
  });

  it('marks failures with their reason, and running rows failed when the server stops', () => {
    const table = fold([
      { ...meta, type: 'request', options: {} },
      { ...meta, id: 't2', type: 'request', options: {} },
      { ...meta, type: 'failed', reason: 'file not found', tftpCode: 1, bytes: 0, durationMs: 1, retransmits: 0 },
    ]);
    expect(table.rows().find((r) => r.id === '0.t1')).toMatchObject({ state: 'failed', detail: 'file not found' });
    const changed = table.apply({ at, type: 'stopped', address: '127.0.0.1', port: 69 });
    expect(changed.map((r) => [r.id, r.state])).toEqual([['0.t2', 'failed']]);
  });

  it('tells apart transfers of two server starts that reuse an id', () => {
    const table = new TransferTable();
    table.apply({ ...meta, type: 'request', options: {} }, 1);
    table.apply({ ...meta, type: 'completed', served: 'a', blksize: 512, bytes: 1, blocks: 1, durationMs: 1, retransmits: 0 }, 1);
    table.apply({ ...meta, type: 'request', options: {} }, 2);
    expect(table.rows().map((r) => [r.id, r.state])).toEqual([
      ['2.t1', 'running'],
      ['1.t1', 'done'],
    ]);
  });

  it('clear keeps only running rows', () => {
    const table = fold([
      { ...meta, type: 'request', options: {} },
      { ...meta, id: 't2', type: 'request', options: {} },
      { ...meta, id: 't2', type: 'failed', reason: 'r', bytes: 0, durationMs: 1, retransmits: 0 },
    ]);
    expect(table.clear().map((r) => r.id)).toEqual(['0.t1']);
    expect(table.rows().map((r) => r.id)).toEqual(['0.t1']);
  });

  it('keeps a bounded number of finished rows', () => {
    const table = new TransferTable();
    for (let i = 0; i < KEEP_FINISHED + 30; i++) {
      table.apply({ ...meta, id: `x${i}`, type: 'request', options: {} });
      table.apply({ ...meta, id: `x${i}`, type: 'failed', reason: 'r', bytes: 0, durationMs: 1, retransmits: 0 });
    }
    table.apply({ at, type: 'refused', client: meta.client, filename: 'a', direction: 'read', reason: 'busy', detail: 'd' });
    expect(table.rows().length).toBe(KEEP_FINISHED);
    expect(table.rows()[0]?.state).toBe('refused');
  });
});
