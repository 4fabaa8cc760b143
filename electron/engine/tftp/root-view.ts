import { promises as fs } from 'node:fs';
import type { TftpRootFile, TftpRootView, TransferRow } from '../../../shared/api/tftp';

/** Files listed at most: a TFTP root for one phone holds a dozen. */
export const ROOT_VIEW_MAX = 500;

/**
 * The TFTP root as Tftpd64 users know it, with each file's state from the transfer table: sent (a read ended
 * done), asked (requested, never served whole) or never asked. Only the top level is listed: phones ask for
 * plain names. Folder entries that are not regular files are left out.
 */
export async function rootView(root: string | undefined, rows: readonly TransferRow[]): Promise<TftpRootView> {
  if (root === undefined) return { files: [], missing: [], truncated: false };
  const entries = await fs.readdir(root, { withFileTypes: true });
  const names = entries.filter((e) => e.isFile()).map((e) => e.name).sort((a, b) => a.localeCompare(b));
  const listed = names.slice(0, ROOT_VIEW_MAX);
  const byLower = new Map(listed.map((n) => [n.toLowerCase(), n] as const));
  const files = new Map<string, TftpRootFile>();
  for (const name of listed) {
    const size = await fs.stat(`${root}/${name}`).then(
      (s) => s.size,
      () => 0,
    );
    files.set(name, { name, size, state: 'never-asked', requests: 0 });
  }
  const missing = new Map<string, number>();
  for (const row of rows) {
    // Another phone's request is not this plan's: it was refused unread.
    if (row.direction !== 'read' || row.refusal === 'not-target-phone') continue;
    // The name served, or the name asked for as the server matches it (a leading ./ dropped, case ignored).
    const asked = row.filename.replace(/^\.\//, '').toLowerCase();
    const name = row.served ?? byLower.get(asked);
    const file = name === undefined ? undefined : files.get(name);
    if (!file) {
      missing.set(row.filename, (missing.get(row.filename) ?? 0) + 1);
      continue;
    }
    file.requests++;
    if (file.lastAt === undefined || row.at > file.lastAt) file.lastAt = row.at;
    if (row.state === 'done') file.state = 'sent';
    else if (file.state === 'never-asked') file.state = 'asked';
  }
  return {
    root,
    files: [...files.values()],
    missing: [...missing.entries()].map(([name, requests]) => ({ name, requests })),
    truncated: names.length > listed.length,
  };
}
