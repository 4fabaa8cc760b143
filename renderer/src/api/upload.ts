import { err, type Result } from '../../../shared/api/result';
import { isMessage, msg } from '../../../shared/i18n/message';

/** What the Electron preload may offer for dropped files (webUtils.getPathForFile); absent in the browser. */
interface PathBridge {
  pathForFile?: (file: File) => string;
}

/**
 * Gives the engine a path it can import for a file the technician dropped or picked. In Electron the file
 * is already on this computer: its path comes from the preload. In the browser the page cannot see paths,
 * so the file is sent to the web host (`POST /upload?token=...&name=...`, raw body), which saves it under
 * the data folder and answers with that path.
 */
export async function pathForImport(file: File): Promise<Result<{ path: string; uploaded: boolean }>> {
  const bridge = (window as unknown as { phonebench?: PathBridge }).phonebench;
  if (bridge) {
    const local = bridge.pathForFile?.(file);
    if (local) return { ok: true, value: { path: local, uploaded: false } };
    return err('bad-request', msg('web.noLocalPath', { file: file.name }), msg('web.noLocalPath.fix'));
  }
  const uploaded = await uploadFile(file);
  return uploaded.ok ? { ok: true, value: { path: uploaded.value.path, uploaded: true } } : uploaded;
}

/** Sends one file to the web host; the answer is the saved file's path. */
export async function uploadFile(file: File): Promise<Result<{ path: string }>> {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const url = `/upload?${token ? `token=${encodeURIComponent(token)}&` : ''}name=${encodeURIComponent(file.name)}`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
  } catch (error) {
    return err('io-error', msg('web.uploadFailed', { file: file.name, detail: String(error) }), msg('web.uploadFailed.fix'));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isResult(body)) {
    if (!body.ok) return body;
    const value = body.value as { path?: unknown } | undefined;
    if (typeof value?.path === 'string') return { ok: true, value: { path: value.path } };
  }
  return err('io-error', msg('web.uploadHttp', { file: file.name, status: response.status }));
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error?.code === 'string' && isMessage(v.error.message);
}
