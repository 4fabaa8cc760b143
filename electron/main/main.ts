import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { err } from '../../shared/api/result';
import { msg } from '../../shared/i18n/message';
import { Engine } from '../engine/engine';
import { DESKTOP_CSP, isTrustedSender, mainWindowOptions } from './window-options';

const REQUEST_CHANNEL = 'phonebench:request';
const EVENT_CHANNEL = 'phonebench:event';

/** The desktop host: app lifecycle, one window, and the IPC bridge to the engine. Nothing else lives here. */
async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = process.env.PHONEBENCH_DATA_DIR ?? app.getPath('userData');
  const engine = await Engine.create({ dataDir, host: 'electron' });
  const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
  const rendererUrl = pathToFileURL(rendererIndex).toString();

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DESKTOP_CSP] } });
  });

  ipcMain.handle(REQUEST_CHANNEL, async (event, domain: unknown, verb: unknown, params: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, rendererUrl)) {
      return err('unauthorized', msg('engine.untrustedSender'));
    }
    return engine.request(`${String(domain)}:${String(verb)}`, params);
  });

  const window = new BrowserWindow(mainWindowOptions(path.join(__dirname, 'preload.cjs')));
  const unlisten = engine.listen((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', unlisten);
  await window.loadURL(rendererUrl);

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void engine.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
}

start().catch((error: unknown) => {
  console.error('Phonebench could not start:', error);
  app.exit(1);
});
