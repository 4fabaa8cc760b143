import { describe, expect, it } from 'vitest';
import { DESKTOP_CSP, isTrustedSender, mainWindowOptions } from '../../../../electron/main/window-options';

describe('main window security', () => {
  const prefs = mainWindowOptions('/app/out/electron/preload.cjs').webPreferences;

  it('isolates the renderer from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/out/electron/preload.cjs');
  });

  it('has a strict CSP: own scripts only, no network from the page', () => {
    expect(DESKTOP_CSP).toContain("script-src 'self'");
    expect(DESKTOP_CSP).toContain("connect-src 'none'");
    expect(DESKTOP_CSP).toContain("object-src 'none'");
    expect(DESKTOP_CSP).not.toContain('unsafe-eval');
  });

  it('trusts only its own renderer page as an IPC sender', () => {
    const ours = 'file:///app/out/renderer/index.html';
    expect(isTrustedSender('file:///app/out/renderer/index.html#/tftp', ours)).toBe(true);
    expect(isTrustedSender('https://example.com/', ours)).toBe(false);
    expect(isTrustedSender('file:///tmp/evil.html', ours)).toBe(false);
    expect(isTrustedSender(undefined, ours)).toBe(false);
    expect(isTrustedSender('not a url', ours)).toBe(false);
  });
});
