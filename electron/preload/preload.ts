import { contextBridge, ipcRenderer, webUtils } from 'electron';

/**
 * The renderer's one door: window.phonebench.request(domain, verb, params) for the contract's requests,
 * subscribe(event, listener) returning its unsubscribe function, and pathForFile(file) for dropped files.
 * No ipcRenderer, no Node.
 */
contextBridge.exposeInMainWorld('phonebench', {
  request: (domain: string, verb: string, params: unknown) =>
    ipcRenderer.invoke('phonebench:request', String(domain), String(verb), params),
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  subscribe: (name: string, listener: (payload: unknown) => void) => {
    const handler = (_event: unknown, eventName: string, payload: unknown) => {
      if (eventName === name) listener(payload);
    };
    ipcRenderer.on('phonebench:event', handler);
    return () => {
      ipcRenderer.removeListener('phonebench:event', handler);
    };
  },
});
