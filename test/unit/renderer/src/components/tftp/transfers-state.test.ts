import { describe, expect, it } from 'vitest';
import { applyTransferEvent, KEEP_FINISHED, percent, type TransferRow } from '../../../../../../renderer/src/components/tftp/transfers-state';
import type { TftpEvent } from '../../../../../../shared/api/tftp';

const at = '2026-11-28T09:15:02.000Z';
const meta = { at, id: 't1', client: { address: '10.1.1.20', port: 5000 }, direction: 'read' as const, filename: './sipdefault.cnf', mode: 'octet' };

describe('transfer table state', () => {
  it('follows a transfer from request to completion', () => {
    const events: TftpEvent[] = [
      { ...meta, type: 'request', options: {} },
      { ...meta, type: 'negotiated', served: 'SIPDefault.cnf', match: 'case-insensitive', size: 2000, options: { blksize: 512, windowsize: 1, timeoutSeconds: 3, acknowledged: {} } },
      { ...meta, type: 'progress', bytes: 1000, blocks: 2, totalBytes: 2000, bytesPerSecond: 5000 },
    ];
    let rows: TransferRow[] = [];
    for (const e of events) rows = applyTransferEvent(rows, e);
    expect(rows).toHaveLength(1);
    expect(percent(rows[0] as TransferRow)).toBe(50);
    expect(rows[0]?.served).toBe('SIPDefault.cnf');
    rows = applyTransferEvent(rows, { ...meta, type: 'completed', served: 'SIPDefault.cnf', blksize: 512, bytes: 2000, blocks: 4, durationMs: 100, retransmits: 0 });
    expect(rows[0]?.state).toBe('done');
    expect(percent(rows[0] as TransferRow)).toBe(100);
  });

  it('marks failures with their reason and running rows failed when the server stops', () => {
    let rows = applyTransferEvent([], { ...meta, type: 'request', options: {} });
    rows = applyTransferEvent(rows, { ...meta, id: 't2', type: 'request', options: {} });
    rows = applyTransferEvent(rows, { ...meta, type: 'failed', reason: 'file not found', tftpCode: 1, bytes: 0, durationMs: 1, retransmits: 0 });
    expect(rows.find((r) => r.id === 't1')).toMatchObject({ state: 'failed', detail: 'file not found' });
    rows = applyTransferEvent(rows, { at, type: 'stopped', address: '127.0.0.1', port: 69 });
    expect(rows.find((r) => r.id === 't2')?.state).toBe('failed');
  });

  it('keeps a bounded number of finished rows', () => {
    let rows: TransferRow[] = [];
    for (let i = 0; i < KEEP_FINISHED + 30; i++) {
      rows = applyTransferEvent(rows, { ...meta, id: `x${i}`, type: 'request', options: {} });
      rows = applyTransferEvent(rows, { ...meta, id: `x${i}`, type: 'failed', reason: 'r', bytes: 0, durationMs: 1, retransmits: 0 });
    }
    expect(rows.length).toBeLessThanOrEqual(KEEP_FINISHED + 1);
  });
});
