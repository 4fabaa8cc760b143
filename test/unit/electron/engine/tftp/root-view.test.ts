import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TransferRow } from '../../../../../shared/api/tftp';
import { rootView } from '../../../../../electron/engine/tftp/root-view';

const root = mkdtempSync(path.join(os.tmpdir(), 'pb-root-view-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(path.join(root, 'OS79XX.TXT'), 'P003-8-12-00\n');
writeFileSync(path.join(root, 'P003-8-12-00.sbn'), Buffer.alloc(1000));
writeFileSync(path.join(root, 'SIPDefault.cnf'), 'x');
mkdirSync(path.join(root, 'sub'));

const row = (over: Partial<TransferRow>): TransferRow => ({ id: 'x', at: '2026-12-04T10:00:00.000Z', client: '10.1.1.50', direction: 'read', filename: 'OS79XX.TXT', bytes: 0, bytesPerSecond: 0, state: 'done', ...over });

describe('the TFTP root view', () => {
  it('gives each file of the root its state: sent, asked (never served whole) or never asked', async () => {
    const view = await rootView(root, [
      row({ id: '1', filename: 'os79xx.txt', served: 'OS79XX.TXT', state: 'done' }),
      row({ id: '2', filename: './P003-8-12-00.sbn', state: 'failed', at: '2026-12-04T10:01:00.000Z' }),
      // Another phone, refused unread: not this plan's.
      row({ id: '3', filename: 'SIPDefault.cnf', client: '10.1.1.99', state: 'refused', refusal: 'not-target-phone' }),
      row({ id: '4', filename: 'SEP000E84C060A6.cnf', state: 'failed' }),
    ]);
    expect(view.files).toEqual([
      { name: 'OS79XX.TXT', size: 13, state: 'sent', requests: 1, lastAt: '2026-12-04T10:00:00.000Z' },
      { name: 'P003-8-12-00.sbn', size: 1000, state: 'asked', requests: 1, lastAt: '2026-12-04T10:01:00.000Z' },
      { name: 'SIPDefault.cnf', size: 1, state: 'never-asked', requests: 0 },
    ]);
    expect(view.missing).toEqual([{ name: 'SEP000E84C060A6.cnf', requests: 1 }]);
    expect(view.truncated).toBe(false);
  });

  it('is empty when no server runs', async () => {
    expect(await rootView(undefined, [])).toEqual({ files: [], missing: [], truncated: false });
  });
});
