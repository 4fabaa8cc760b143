/** What opening a URL needs from the system; tests pass their own. */
export interface OpenerDeps {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  spawn: (command: string, args: string[], options: { detached: boolean; stdio: 'ignore'; windowsHide: boolean }) => {
    once(event: 'error', listener: (error: Error) => void): unknown;
    unref(): void;
  };
  /** Where a failure to open is said: it never stops the server. */
  log: (text: string) => void;
}

/** The system's "open this with the default browser" command, as Jupyter uses it. */
export function openerCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [url] };
    case 'win32':
      // start's first quoted argument is a window title; the empty one keeps the URL from being taken for it.
      return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
    default:
      return { command: 'xdg-open', args: [url] };
  }
}

/** Why the browser should not be opened here, or undefined when it may be. */
export function reasonNotToOpen(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0') return 'CI is set';
  const graphical = platform === 'darwin' || platform === 'win32' || Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
  if (!graphical) return 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)';
  return undefined;
}

/** Opens `url` in the default browser, detached; a failure is only logged. Returns what it said it did. */
export function openBrowser(url: string, deps: OpenerDeps): 'opened' | 'not-opened' {
  const reason = reasonNotToOpen(deps.env, deps.platform);
  if (reason !== undefined) {
    deps.log(`Not opening a browser: ${reason}. Open the URL yourself.\n`);
    return 'not-opened';
  }
  const { command, args } = openerCommand(deps.platform, url);
  try {
    const child = deps.spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', (error) => deps.log(`Could not open a browser with ${command} (${error.message}). Open the URL yourself.\n`));
    child.unref();
  } catch (error) {
    deps.log(`Could not open a browser with ${command} (${error instanceof Error ? error.message : String(error)}). Open the URL yourself.\n`);
    return 'not-opened';
  }
  return 'opened';
}
