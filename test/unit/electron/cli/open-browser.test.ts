import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openBrowser, openerCommand, reasonNotToOpen, type OpenerDeps } from '../../../../electron/cli/open-browser';

function fakeDeps(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, fail?: 'throw' | 'error') {
  const spawned: { command: string; args: string[]; options: unknown; unref: boolean }[] = [];
  const said: string[] = [];
  const children: EventEmitter[] = [];
  const deps: OpenerDeps = {
    platform,
    env,
    log: (t) => said.push(t),
    spawn: (command, args, options) => {
      if (fail === 'throw') throw new Error('spawn EACCES');
      const child = Object.assign(new EventEmitter(), { unref: () => (record.unref = true) });
      const record = { command, args, options, unref: false };
      spawned.push(record);
      children.push(child);
      return child;
    },
  };
  return { deps, spawned, said, children };
}

const URL = 'http://127.0.0.1:4321/?token=abc&x=1';

describe('openBrowser', () => {
  it('runs xdg-open on Linux with a display, detached and unreferenced', () => {
    const t = fakeDeps('linux', { DISPLAY: ':0' });
    expect(openBrowser(URL, t.deps)).toBe('opened');
    expect(t.spawned).toEqual([{ command: 'xdg-open', args: [URL], options: { detached: true, stdio: 'ignore', windowsHide: true }, unref: true }]);
    expect(t.said).toEqual([]);
  });

  it('uses open on macOS and start on Windows', () => {
    expect(openerCommand('darwin', URL)).toEqual({ command: 'open', args: [URL] });
    expect(openerCommand('win32', URL)).toEqual({ command: 'cmd', args: ['/c', 'start', '""', 'http://127.0.0.1:4321/?token=abc^&x=1'] });
  });

  it('does not open under CI or without a display, and says so', () => {
    for (const [env, why] of [
      [{ CI: 'true', DISPLAY: ':0' }, 'CI is set'],
      [{}, 'no display'],
    ] as const) {
      const t = fakeDeps('linux', env);
      expect(openBrowser(URL, t.deps)).toBe('not-opened');
      expect(t.spawned).toEqual([]);
      expect(t.said.join('')).toContain(why);
    }
    expect(reasonNotToOpen({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined();
    expect(reasonNotToOpen({ CI: 'false' }, 'darwin')).toBeUndefined();
  });

  it('only logs a failure: an opener that is missing or cannot start', () => {
    const missing = fakeDeps('linux', { DISPLAY: ':0' });
    expect(openBrowser(URL, missing.deps)).toBe('opened');
    missing.children[0]!.emit('error', new Error('spawn xdg-open ENOENT'));
    expect(missing.said.join('')).toContain('Could not open a browser with xdg-open (spawn xdg-open ENOENT)');

    const refused = fakeDeps('linux', { DISPLAY: ':0' }, 'throw');
    expect(openBrowser(URL, refused.deps)).toBe('not-opened');
    expect(refused.said.join('')).toContain('spawn EACCES');
  });
});
