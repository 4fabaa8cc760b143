import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BundleSource } from '../../../electron/engine/migration/bundle-source';
import { DirectorySource, type FileSource } from '../../../electron/engine/tftp/file-source';
import { PathRefusedError } from '../../../electron/engine/tftp/path-guard';
import { tempDir } from './server-fixture';

/**
 * Issue 18 item 6: a parent folder swapped for a symlink between the path check and the open served a file from
 * outside the root (48-75 of 3,000 tries). Another process swaps the folder in a tight loop while 3,000 reads go
 * through the TFTP root's source and the migration's bundle source; not one may return the outside file.
 */
const TRIES = 3000;

/** Swaps `folder` with a symlink to `outside` and back, as fast as it can, until killed; resolves once it runs. */
async function startSwapper(folder: string, outside: string): Promise<ChildProcess> {
  const script = `
    const fs = require('node:fs');
    const [folder, outside] = process.argv.slice(1);
    const aside = folder + '.real';
    for (let i = 0; ; i++) {
      try { fs.renameSync(folder, aside); fs.symlinkSync(outside, folder); fs.unlinkSync(folder); fs.renameSync(aside, folder); } catch {}
      if (i === 100) fs.writeSync(1, 'swapping\\n');
    }`;
  const child = spawn(process.execPath, ['-e', script, folder, outside], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the swapper ended (${String(code)})`)));
  });
  return child;
}

interface Tally {
  served: number;
  escapes: number;
  refused: number;
  missing: number;
}

async function race(source: FileSource, name: string): Promise<Tally> {
  const tally: Tally = { served: 0, escapes: 0, refused: 0, missing: 0 };
  for (let i = 0; i < TRIES; i++) {
    try {
      const found = await source.resolve(name, '127.0.0.1');
      if (!found) {
        tally.missing++;
        continue;
      }
      const content = await found.open();
      const text = (await content.read(0, 64)).toString();
      await content.close();
      if (text === 'OUTSIDE') tally.escapes++;
      else tally.served++;
    } catch (error) {
      if (error instanceof PathRefusedError) tally.refused++;
      else tally.missing++; // ENOENT, ELOOP: the folder was mid-swap; nothing was served.
    }
  }
  return tally;
}

let swapper: ChildProcess | undefined;
const dirs: string[] = [];
afterEach(async () => {
  swapper?.kill('SIGKILL');
  swapper = undefined;
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

async function layout(): Promise<{ base: string; outside: string }> {
  const base = await tempDir('swap');
  dirs.push(base);
  const outside = path.join(base, 'outside');
  await fs.mkdir(outside);
  await fs.writeFile(path.join(outside, 'OS79XX.TXT'), 'OUTSIDE');
  return { base, outside };
}

describe('a parent folder swapped for a symlink during reads', () => {
  it(`the TFTP root serves nothing from outside in ${TRIES} reads`, async () => {
    const { base, outside } = await layout();
    const root = path.join(base, 'root');
    await fs.mkdir(path.join(root, 'sub'), { recursive: true });
    await fs.writeFile(path.join(root, 'sub', 'OS79XX.TXT'), 'INSIDE');
    swapper = await startSwapper(path.join(root, 'sub'), outside);
    const tally = await race(new DirectorySource(root), 'sub/OS79XX.TXT');
    console.log(`TFTP root: ${JSON.stringify(tally)}`);
    expect(tally.escapes).toBe(0);
    expect(tally.served + tally.refused).toBeGreaterThan(0);
  });

  it(`the migration's bundle source serves nothing from outside in ${TRIES} reads`, async () => {
    const { base, outside } = await layout();
    const files = path.join(base, 'library', 'b1', 'files');
    await fs.mkdir(files, { recursive: true });
    await fs.writeFile(path.join(files, 'OS79XX.TXT'), 'INSIDE');
    const source = new BundleSource([{ name: 'OS79XX.TXT', path: path.join(files, 'OS79XX.TXT') }]);
    expect((await source.resolve('OS79XX.TXT'))?.size).toBe(6); // Resolved once before the swapping starts.
    swapper = await startSwapper(files, outside);
    const tally = await race(source, 'OS79XX.TXT');
    console.log(`bundle source: ${JSON.stringify(tally)}`);
    expect(tally.escapes).toBe(0);
    expect(tally.served + tally.refused).toBeGreaterThan(0);
  });
});
