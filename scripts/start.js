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
  // As Jupyter does: the browser opens on the URL, unless --no-open (or CI, or no display: serve says so).
  console.log(`${electron.reason}; starting 'phonebench serve' instead, in your browser.`);
  const child = run(process.execPath, ['bin/phonebench.js', 'serve', '--open', ...process.argv.slice(2)]);
  // Ctrl-C reaches the server too (same terminal); wait for its clean stop instead of dying first.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
}
