#!/usr/bin/env node
// The phonebench command. Runs the compiled JavaScript in out/cli (built by `npm install` through prepare, or by
// `npm run build:cli`). In a checkout where that is missing or older than the sources, it runs the TypeScript
// sources through tsx instead, and says so.
import { fileURLToPath } from 'node:url';
import { compiledCliProblem } from '../scripts/cli-freshness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const problem = process.env.PHONEBENCH_FROM_SOURCE === '1' ? 'PHONEBENCH_FROM_SOURCE=1' : compiledCliProblem(root);
if (problem === undefined) {
  const { main } = await import('../out/cli/main.js');
  await main();
} else {
  process.stderr.write(`phonebench: running from the TypeScript sources (${problem}); 'npm run build:cli' makes it start fast.\n`);
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../electron/cli/main.ts');
  await main();
}
