import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DirectorySource, VirtualFiles } from '../../../electron/engine/tftp/file-source';
import { TftpServer } from '../../../electron/engine/tftp/server';
import type { ServedRoot } from './served-root';

/**
 * Phonebench's own TFTP server on 127.0.0.1, the way the product serves a hop: images from a folder on disk,
 * generated config files from memory.
 */
export async function startPhonebenchTftp(): Promise<ServedRoot> {
  const root = await fs.mkdtemp(path.join(tmpdir(), 'pb-sim-pbtftp-'));
  const configs = new VirtualFiles();
  const server = await TftpServer.start({
    address: '127.0.0.1',
    port: 0,
    sources: [configs, new DirectorySource(root)],
    maxBlksize: 1468,
    maxWindowsize: 16,
    timeoutMs: 1000,
    retries: 3,
    rolloverTo: 0,
  });
  const isImage = (name: string): boolean => /\.(bin|sbn|sb2|loads)$/i.test(name);
  return {
    port: server.address().port,
    async write(name, content) {
      if (isImage(name)) await fs.writeFile(path.join(root, name), content);
      else configs.set(name, typeof content === 'string' ? Buffer.from(content, 'latin1') : Buffer.from(content));
    },
    async remove(name) {
      if (isImage(name)) await fs.rm(path.join(root, name), { force: true });
      else configs.delete(name);
    },
    async close() {
      await server.close();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
