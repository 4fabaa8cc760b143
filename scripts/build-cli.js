// Compiles the phonebench command into out/cli: plain JavaScript, one chunk per command, loaded on demand.
// bin/phonebench.js runs it; out/cli/inputs.json lists the sources, so the launcher notices a stale build.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = 'out/cli';
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { main: 'electron/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay in node_modules (serialport is native); only the project's own code is bundled.
  packages: 'external',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
writeFileSync(`${outdir}/inputs.json`, `${JSON.stringify(inputs)}\n`);
console.log(`built ${outdir}/main.js from ${inputs.length} sources`);
