import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Extraction } from '../../../../../electron/engine/firmware/extraction';
import { ImportBudget } from '../../../../../electron/engine/firmware/import-budget';
import { DEFAULT_IMPORT_LIMITS } from '../../../../../electron/engine/firmware/import-limits';
import { FirmwareLibrary } from '../../../../../electron/engine/firmware/library-store';
import { sniffFile } from '../../../../../electron/engine/firmware/source-format';
import { walkTar } from '../../../../../electron/engine/firmware/tar-walk';
import { walkZip } from '../../../../../electron/engine/firmware/zip-walk';
import { makeFifo, settlesWithoutFifoWriter, unblockFifos } from '../../../../support/fifo';

/**
 * Every open of an import's files, when a FIFO is what is there by the time of the open (swapped in after the
 * folder was listed or the source was checked): refused at once, never waiting for a writer.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'pb-fifo-opens-'));
const fifos: string[] = [];
afterAll(() => {
  unblockFifos(fifos);
  rmSync(dir, { recursive: true, force: true });
});

function fifo(name: string): string {
  const file = makeFifo(path.join(dir, name));
  fifos.push(file);
  return file;
}

function refusal(work: Promise<unknown>): Promise<unknown> {
  return settlesWithoutFifoWriter(
    work.then(
      () => new Error('opened a FIFO as a file'),
      (error: unknown) => error,
    ),
    fifos,
  );
}

describe('import opens on a FIFO', () => {
  it('a folder entry (the path folder and loose-file imports share) is refused as a special file', async () => {
    const files = path.join(dir, 'files');
    const scratch = path.join(dir, 'scratch');
    mkdirSync(files);
    mkdirSync(scratch);
    const extraction = new Extraction(files, scratch, new ImportBudget(DEFAULT_IMPORT_LIMITS, 0, 'folder'));
    const error = await refusal(extraction.fromLooseFile(fifo('P0S3-08-12-00.bin'), 'P0S3-08-12-00.bin'));
    expect(error).toMatchObject({ code: 'archive-refused' });
  });

  it('sniffing, tar and zip reading refuse a FIFO source', async () => {
    for (const work of [
      () => sniffFile(fifo('a.zip'), 'a.zip'),
      () => walkTar(fifo('b.tar'), false, 'b.tar', async () => {}),
      () => walkZip(fifo('c.zip'), 'c.zip', async () => {}),
    ]) {
      expect(await refusal(work())).toMatchObject({ code: 'ENOTREGULAR', kind: 'fifo' });
    }
  });

  it('a FIFO in a bundle manifest’s place is a damaged bundle, said at once', async () => {
    const root = path.join(dir, 'library');
    const id = '0123456789abcdef';
    mkdirSync(path.join(root, id), { recursive: true });
    fifo(path.join('library', id, 'manifest.json'));
    expect(await refusal(new FirmwareLibrary(root).get(id))).toMatchObject({ code: 'io-error' });
  });
});
