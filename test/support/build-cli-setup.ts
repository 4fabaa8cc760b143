import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compiledCliProblem } from '../../scripts/cli-freshness.js';

/** Vitest global setup: tests that spawn `bin/phonebench.js` run the compiled CLI, rebuilt when a source changed. */
export function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  if (compiledCliProblem(root) === undefined) return;
  const built = spawnSync(process.execPath, ['scripts/build-cli.js'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build:cli failed: tests that spawn the CLI cannot run');
}
