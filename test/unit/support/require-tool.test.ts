import { afterEach, describe, expect, it, vi } from 'vitest';
import { findProgram, requirePeer, requireTool } from '../../support/require-tool';

afterEach(() => {
  vi.restoreAllMocks();
});

/** An environment where nothing can be found: no PATH, and a program name no system has. */
const EMPTY_PATH: NodeJS.ProcessEnv = { PATH: '' };

describe('requirePeer', () => {
  it('is true when nothing is missing, in CI or not', () => {
    expect(requirePeer(undefined, 'a test', { CI: 'true' })).toBe(true);
    expect(requirePeer(undefined, 'a test', {})).toBe(true);
  });

  it('fails under CI=true, naming what is missing and what would have run', () => {
    expect(() => requirePeer('socat is not installed', 'serial over a PTY pair', { CI: 'true' })).toThrow(
      /CI=true and serial over a PTY pair cannot run: socat is not installed/,
    );
  });

  it('skips with a printed reason outside CI', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(requirePeer('socat is not installed', 'serial over a PTY pair', {})).toBe(false);
    expect(warn).toHaveBeenCalledWith('[skip] serial over a PTY pair: socat is not installed');
  });
});

describe('requireTool', () => {
  it('finds a program every machine has', () => {
    expect(findProgram('sh')).toBeDefined();
    expect(findProgram('pb-no-such-program-7f3a')).toBeUndefined();
  });

  it('says how to install a missing tool and fails under CI=true', () => {
    // 'curl' looked up with an empty PATH: only the sbin folders are searched, where curl never lives.
    expect(() => requireTool('curl', 'TFTP with curl', { ...EMPTY_PATH, CI: 'true' })).toThrow(/curl is not installed \(apt-get install -y curl\)/);
  });

  it('skips a missing tool outside CI with the reason and the install command', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(requireTool('atftp', 'TFTP with atftp', EMPTY_PATH)).toBe(false);
    expect(warn.mock.calls[0]?.[0]).toBe('[skip] TFTP with atftp: atftp is not installed (apt-get install -y atftp)');
  });
});
