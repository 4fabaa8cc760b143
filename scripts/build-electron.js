// Bundles the desktop host: main (with the engine) and the sandboxed preload, into out/electron.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['electron/main/main.ts'],
  outfile: 'out/electron/main.cjs',
  // Native and Electron modules are loaded at run time, not bundled.
  external: ['electron', 'serialport', '@serialport/*'],
});
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'out/electron/preload.cjs', external: ['electron'] });
console.log('built out/electron/main.cjs and out/electron/preload.cjs');
