import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['--import', './test/support/trace-loads/register.mjs', 'bin/phonebench.js', ...args], {
    cwd: repo,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const loaded = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('loaded file:'))
    .map((line) => fileURLToPath(line.slice('loaded '.length)));
  const said = result.stderr
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('loaded '))
    .join('\n');
  return { code: result.status, out: result.stdout, said, loaded: loaded.map((file) => path.relative(repo, file)) };
}

describe('bin/phonebench.js', () => {
  // The vitest global setup has built out/cli from the current sources.
  it('answers --help from the compiled JavaScript, loading no dependency and no command', () => {
    const { code, out, said, loaded } = run(['--help']);
    expect(code).toBe(0);
    expect(said).toBe('');
    expect(out).toContain('Usage: phonebench <command>');
    expect(loaded).toContain(path.join('out', 'cli', 'main.js'));
    expect(loaded.filter((file) => file.startsWith('node_modules'))).toEqual([]);
    expect(loaded.filter((file) => !file.startsWith(path.join('out', 'cli')) && !file.startsWith('test'))).toEqual([
      path.join('bin', 'phonebench.js'),
      path.join('scripts', 'cli-freshness.js'),
    ]);
    // What --help loads of out/cli is the list of commands, not their code (which is hundreds of kB).
    const bytes = loaded.filter((file) => file.startsWith('out')).reduce((sum, file) => sum + statSync(path.join(repo, file)).size, 0);
    expect(bytes).toBeLessThan(30_000);
  });

  it('loads a command only when it runs', () => {
    const { code, loaded } = run(['lint', '--help']);
    expect(code).toBe(0);
    expect(loaded.some((file) => path.basename(file).startsWith('lint-'))).toBe(true);
    expect(loaded.some((file) => path.basename(file).startsWith('serve-'))).toBe(false);
  });

  it('falls back to the TypeScript sources through tsx, and says so', () => {
    const { code, out, said, loaded } = run(['--version'], { PHONEBENCH_FROM_SOURCE: '1' });
    expect(code).toBe(0);
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(said).toContain('running from the TypeScript sources');
    expect(loaded).toContain(path.join('electron', 'cli', 'main.ts'));
  });
});
