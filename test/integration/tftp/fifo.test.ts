import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectorySource, type FileSource, type ResolvedFile } from '../../../electron/engine/tftp/file-source';
import { makeFifo, settlesWithoutFifoWriter, unblockFifos } from '../../support/fifo';
import { startFixture, tempDir, type Fixture } from './server-fixture';
import { tftpGet } from './test-client';

/**
 * A served file swapped for a FIFO between the server's check and its open: the open must not wait for a writer.
 * Four such opens used to hold all four threads of libuv's pool, and then nothing was served any more.
 */
const fifos: string[] = [];
let fixture: Fixture | undefined;
afterAll(async () => {
  unblockFifos(fifos);
  await fixture?.close();
});

/** The root's own source, but every name starting with 'swap-' is replaced by a FIFO right after it resolved. */
class SwappingSource implements FileSource {
  constructor(private readonly inner: DirectorySource) {}

  async resolve(requestedName: string): Promise<ResolvedFile | undefined> {
    const found = await this.inner.resolve(requestedName);
    if (found && requestedName.startsWith('swap-')) {
      const file = path.join(this.inner.root, found.name);
      await fs.rm(file);
      fifos.push(makeFifo(file));
    }
    return found;
  }
}

describe('TFTP root: a FIFO swapped in for a served file', () => {
  it('is refused on the open handle; four of them do not stop the server serving the next phone', async () => {
    const root = await tempDir('fifo');
    for (let i = 0; i < 4; i++) await fs.writeFile(path.join(root, `swap-${i}.cnf`), 'x');
    await fs.writeFile(path.join(root, 'SIPDefault.cnf'), 'image_version: "P0S3-08-12-00";\n');
    fixture = await startFixture({ sources: [new SwappingSource(new DirectorySource(root))] }, root);
    const port = fixture.port;
    const swapped = await settlesWithoutFifoWriter(
      Promise.all([0, 1, 2, 3].map((i) => tftpGet({ port, filename: `swap-${i}.cnf`, timeoutMs: 2000, retries: 2 }))),
      fifos,
    );
    for (const got of swapped) expect(got.ok).toBe(false);
    const next = await settlesWithoutFifoWriter(tftpGet({ port, filename: 'SIPDefault.cnf', timeoutMs: 2000, retries: 5 }), fifos);
    expect(next.ok && next.data.toString()).toBe('image_version: "P0S3-08-12-00";\n');
    const failures = fixture.events.filter((e) => e.type === 'failed' && e.filename.startsWith('swap-'));
    expect(failures).toHaveLength(4);
    for (const f of failures) expect(f.type === 'failed' && f.reason).toMatch(/not a regular file \(fifo\)/);
  });
});
