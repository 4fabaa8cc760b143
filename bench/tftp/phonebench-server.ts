// Phonebench's TFTP server alone in its own process, so the bench can read its CPU time from /proc.
// Usage: node --import tsx bench/tftp/phonebench-server.ts ROOT PORT
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
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
// PB_CPU_PROFILE=FILE: profile from here on (after start-up and module loading) and write the profile on stop.
const profileFile = process.env['PB_CPU_PROFILE'];
const session = profileFile ? new Session() : undefined;
if (session) {
  session.connect();
  await new Promise((r) => session.post('Profiler.setSamplingInterval', { interval: 100 }, r));
  await new Promise((r) => session.post('Profiler.enable', r));
  await new Promise((r) => session.post('Profiler.start', r));
}
console.log(`ready ${server.address().port}`);
const stop = (): void =>
  void server.close().then(async () => {
    if (session && profileFile) {
      const { profile } = await new Promise<{ profile: object }>((resolve, reject) =>
        session.post('Profiler.stop', (e, result) => (e ? reject(e) : resolve(result))),
      );
      writeFileSync(profileFile, JSON.stringify(profile));
    }
    process.exit(0);
  });
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
