// Finds Electron's binary, or says why there is none. Shared by `npm start` and the Electron smoke test.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {{ path: string } | { reason: string }} */
export function findElectronBinary() {
  let binary;
  try {
    binary = require('electron');
  } catch (error) {
    return { reason: `Electron is not installed (${String(error?.message ?? error).split('\n')[0]})` };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { reason: "Electron's binary is missing: it could not be downloaded when npm installed the electron package" };
  }
  return { path: binary };
}
