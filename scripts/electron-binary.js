// Finds Electron's binary, or says why there is none. Shared by `npm start` and the Electron smoke test.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const MISSING = "Electron's binary is missing: it could not be downloaded when npm installed the electron package";

/** @returns {{ path: string } | { reason: string }} */
export function findElectronBinary() {
  try {
    require.resolve('electron/package.json');
  } catch (error) {
    return { reason: `Electron is not installed (${String(error?.message ?? error).split('\n')[0]})` };
  }
  let binary;
  try {
    // Throws when the package is there without its binary (ELECTRON_SKIP_BINARY_DOWNLOAD, or a failed download).
    binary = require('electron');
  } catch {
    return { reason: MISSING };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { reason: MISSING };
  return { path: binary };
}
