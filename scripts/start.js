// npm start: the desktop app when Electron's binary is here; otherwise the same UI served to your browser.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.js';

const electron = findElectronBinary();
const run = (command, args) => spawn(command, args, { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));

if ('path' in electron) {
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(electron.path, ['.']);
} else {
  console.log(`${electron.reason}; starting 'phonebench serve' instead: open the URL below in your browser.`);
  run(process.execPath, ['bin/phonebench.js', 'serve', ...process.argv.slice(2)]);
}
