import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint walls of the architecture', () => {
  it.each([
    'electron/engine/tftp/leak.ts',
    'electron/web/leak.ts',
    'electron/cli/leak.ts',
    'shared/api/leak.ts',
    'renderer/src/leak.tsx',
  ])("fails when %s imports 'electron'", async (file) => {
    const messages = await restrictedImports(file, "import { app } from 'electron';\nexport const x = app;\n");
    expect(messages.join('\n')).toContain("Only electron/main and electron/preload may import 'electron'");
  });

  it.each(['electron/main/ok.ts', 'electron/preload/ok.ts'])("lets %s import 'electron'", async (file) => {
    expect(await restrictedImports(file, "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });

  it.each([
    ['shared/cisco/leak.ts', "import fs from 'node:fs';"],
    ['renderer/src/leak.tsx', "import { SerialPort } from 'serialport';"],
    ['renderer/src/leak2.tsx', "import { Engine } from '../../electron/engine/engine';"],
  ])('keeps Node and the engine out of %s', async (file, line) => {
    const messages = await restrictedImports(file, `${line}\nexport const y = 1;\n`);
    expect(messages.length).toBeGreaterThan(0);
  });
});
