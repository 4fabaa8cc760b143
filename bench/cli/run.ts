/**
 * Start-up time of `phonebench --help` against bare `node -e 0`, the floor any Node command pays.
 * Paired runs, alternating which goes first, so machine load hits both alike; the ratio is taken per pair.
 * Usage: npx tsx bench/cli/run.ts [--runs N] [--no-write]
 * Builds out/cli first, and writes the CLI section of docs/benchmarks.md unless --no-write.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { writeDocSection } from '../doc-section';

const args = process.argv.slice(2);
const runsFlag = args.indexOf('--runs');
const RUNS = Math.max(3, Math.min(200, runsFlag >= 0 ? Number(args[runsFlag + 1] ?? 30) : 30));
const WRITE = !args.includes('--no-write');
const repo = path.resolve(import.meta.dirname, '..', '..');
/** The README's goal: `phonebench --help` within 1.5 times Node's own start. */
const GOAL = 1.5;

function timeMs(command: string[], fromSource = false): number {
  const env = fromSource ? { ...process.env, PHONEBENCH_FROM_SOURCE: '1' } : process.env;
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, command, { cwd: repo, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  // The launcher says so on stderr when it falls back to the TypeScript sources: only wanted for the reference row.
  if (!fromSource && result.stderr.length > 0) throw new Error(`${command.join(' ')} wrote to stderr: ${result.stderr.toString()}`);
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build-cli.js'], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:cli failed');
  const bare = ['-e', '0'];
  const help = ['bin/phonebench.js', '--help'];
  // Warm the file cache once for both.
  timeMs(bare);
  timeMs(help);
  const node: number[] = [];
  const cli: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let a: number;
    let b: number;
    if (i % 2 === 0) {
      a = timeMs(bare);
      b = timeMs(help);
    } else {
      b = timeMs(help);
      a = timeMs(bare);
    }
    node.push(a);
    cli.push(b);
    ratios.push(b / a);
  }
  // The old way for reference (tsx compiling the sources at every start), a few runs only: it is slow.
  const source: number[] = [];
  for (let i = 0; i < Math.min(5, RUNS); i++) source.push(timeMs(help, true));
  const ratio = median(ratios);
  const load = os.loadavg()[0] ?? 0;
  const lines = [
    '## CLI start-up',
    '',
    `Measured by \`npx tsx bench/cli/run.ts\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ` +
      `Node ${process.version}, ${RUNS} pairs, load average ${fmt(load, 1)} at the end.`,
    'Each pair runs `node -e 0` and `node bin/phonebench.js --help` back to back, alternating which goes first; the ratio is per pair.',
    'The command runs the compiled JavaScript in out/cli (built by `npm install`); each command module loads only when it runs.',
    '',
    '| what | median (ms) | min (ms) | max (ms) |',
    '|---|---|---|---|',
    `| \`node -e 0\` | ${fmt(median(node), 1)} | ${fmt(Math.min(...node), 1)} | ${fmt(Math.max(...node), 1)} |`,
    `| \`phonebench --help\` | ${fmt(median(cli), 1)} | ${fmt(Math.min(...cli), 1)} | ${fmt(Math.max(...cli), 1)} |`,
    `| the same from the TypeScript sources through tsx (the old launcher; ${source.length} runs) | ${fmt(median(source), 1)} | ${fmt(Math.min(...source), 1)} | ${fmt(Math.max(...source), 1)} |`,
    '',
    `Ratio \`phonebench --help\` / \`node -e 0\`: median ${fmt(ratio)}, min ${fmt(Math.min(...ratios))}, max ${fmt(Math.max(...ratios))} ` +
      `(goal: at most ${GOAL}; ${ratio <= GOAL ? 'met' : 'NOT met'}).`,
  ];
  const section = lines.join('\n');
  console.log(section);
  if (WRITE) {
      await writeDocSection(path.join(repo, 'docs/benchmarks.md'), 'cli', section);
      console.log('wrote the cli section of docs/benchmarks.md');
    }
}

await main();
