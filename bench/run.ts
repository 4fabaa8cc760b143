// npm run bench: every benchmark against its real peers, one after the other. Results go to docs/benchmarks.md by hand.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const suites = ['bench/tftp/run.ts', 'bench/migration/demo-overhead.ts', 'bench/firmware/run.ts', 'bench/cli/run.ts'];
let failed = 0;
for (const suite of suites) {
  if (!existsSync(suite)) {
    console.log(`skipped ${suite}: not present`);
    continue;
  }
  console.log(`\n== ${suite}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', suite, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
