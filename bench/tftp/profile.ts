// Profiles Phonebench's server during one 16 MiB lockstep transfer (the V8 CPU profiler, as node --cpu-prof, but
// started after start-up so module loading stays out of it) and prints the functions with
// the most self time. Usage: npx tsx bench/tftp/profile.ts [blksize]   (needs the atftp client)
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPhonebench } from './peers';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const blksize = process.argv[2];
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pb-tftp-prof-'));
const root = path.join(dir, 'root');
const profFile = path.join(dir, 'server.cpuprofile');
await fs.mkdir(root);
const data = Buffer.alloc(16 * 2 ** 20);
for (let i = 0; i < data.length; i += 4) data.writeUInt32LE((i * 2654435761) >>> 0, i);
await fs.writeFile(path.join(root, 'big.bin'), data);
const port = 20000 + Math.floor(Math.random() * 20000);
process.env['PB_CPU_PROFILE'] = profFile;
const server = await startPhonebench(root, port);
const argv = [...(blksize ? ['--option', `blksize ${blksize}`] : []), '-g', '-r', 'big.bin', '-l', path.join(dir, 'out.bin'), '127.0.0.1', String(port)];
const t0 = performance.now();
await new Promise((resolve) => spawn('atftp', argv, { stdio: 'ignore' }).once('exit', resolve));
const ms = performance.now() - t0;
await server.stop();
const profile = JSON.parse(await fs.readFile(profFile, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const dt = profile.timeDeltas[i] ?? 0;
  if (!n) return;
  const f = n.callFrame;
  const where = f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});
console.log(`transfer ${ms.toFixed(0)} ms; profile ${(total / 1000).toFixed(0)} ms sampled (idle included)`);
console.log('| self ms | share | function |\n|---|---|---|');
for (const [key, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`| ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)} % | \`${key}\` |`);
}
await fs.rm(dir, { recursive: true, force: true });
