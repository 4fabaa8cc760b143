// Typechecks the Electron host, which needs the electron package's types; says so when it is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/electron/electron.d.ts')) {
  console.log('typecheck of electron/main and electron/preload skipped: the electron package is not installed (its binary could not be downloaded).');
  process.exit(0);
}
const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.electron.json', '--noEmit'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
