// Phonebench's TFTP server alone in its own process, so the bench can read its CPU time from /proc.
// Usage: node --import tsx bench/tftp/phonebench-server.ts ROOT PORT
import { DirectorySource } from '../../electron/engine/tftp/file-source';
import { TftpServer } from '../../electron/engine/tftp/server';

const [root, port] = process.argv.slice(2);
if (!root || !port) {
  console.error('usage: phonebench-server.ts ROOT PORT');
  process.exit(2);
}
const server = await TftpServer.start({
  address: '127.0.0.1',
  port: Number(port),
  sources: [new DirectorySource(root)],
  maxBlksize: 65464,
  maxWindowsize: 64,
  timeoutMs: 1000,
  retries: 6,
  rolloverTo: 0,
  maxTransfers: 512,
  maxTransfersPerClient: 512,
});
console.log(`ready ${server.address().port}`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
