import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * The one gate between a requested TFTP filename and the disk. Every name is checked here first
 * (lexically), and every file found is checked again after symlinks are resolved.
 */

export class PathRefusedError extends Error {
  constructor(
    readonly requested: string,
    readonly why: string,
  ) {
    super(`refused path '${requested}': ${why}`);
    this.name = 'PathRefusedError';
  }
}

/** Control characters, including NUL. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Returns the relative segments of a safe name, or throws PathRefusedError. A leading './' is allowed
 * (phones prepend their tftp_cfg_dir); '..' anywhere, absolute paths, backslashes, drive letters and
 * control characters are not.
 */
export function checkRequestedName(name: string): string[] {
  if (name.length === 0) throw new PathRefusedError(name, 'empty name');
  if (name.length > 1024) throw new PathRefusedError(name.slice(0, 64), 'name too long');
  if (CONTROL.test(name)) throw new PathRefusedError(name, 'control character in name');
  if (name.includes('\\')) throw new PathRefusedError(name, 'backslash in name');
  if (name.startsWith('/')) throw new PathRefusedError(name, 'absolute path');
  if (/^[A-Za-z]:/.test(name)) throw new PathRefusedError(name, 'drive letter');
  if (name.startsWith('~')) throw new PathRefusedError(name, 'home directory reference');
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) throw new PathRefusedError(name, 'names a folder, not a file');
  if (segments.some((s) => s === '..')) throw new PathRefusedError(name, "parent folder ('..')");
  if (segments.some((s) => s.includes(':'))) throw new PathRefusedError(name, 'colon in name (drive or stream)');
  return segments;
}

/** True when `candidate` is `root` itself or lies beneath it. */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Resolves symlinks and confirms the result is a regular file under the (resolved) root.
 * Returns undefined when nothing is there; throws PathRefusedError when it leaves the root.
 */
export async function confirmInsideRoot(
  realRoot: string,
  candidate: string,
  requested: string,
): Promise<{ realPath: string; size: number } | undefined> {
  let realPath: string;
  try {
    realPath = await fs.realpath(candidate);
  } catch {
    return undefined;
  }
  if (!isInside(realRoot, realPath)) throw new PathRefusedError(requested, 'symbolic link leads outside the TFTP root');
  const stat = await fs.stat(realPath).catch(() => undefined);
  if (!stat?.isFile()) return undefined;
  return { realPath, size: stat.size };
}

/**
 * Where an open file really is, asked of the handle rather than of its path (a folder on the way may have been
 * swapped for a symlink between the check and the open). Linux answers through /proc/self/fd; elsewhere this is
 * undefined and confirmOpenedInside falls back to comparing the handle with the path resolved again.
 */
export async function openedPath(handle: FileHandle): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  return fs.readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
}

/**
 * Confirms the file behind `handle` lies inside `realRoot` (already resolved); throws PathRefusedError when not.
 * Without /proc (macOS, Windows) the path is resolved again after the open and must name the same file (device and
 * inode) inside the root: a swap that is undone between the open and that check is not caught there.
 */
export async function confirmOpenedInside(handle: FileHandle, openedAs: string, realRoot: string, requested: string): Promise<void> {
  const real = await openedPath(handle);
  if (real !== undefined) {
    if (!isInside(realRoot, real)) throw new PathRefusedError(requested, 'the file opened lies outside its folder (a folder was swapped for a link)');
    return;
  }
  const again = await fs.realpath(openedAs).catch(() => undefined);
  const [held, named] = await Promise.all([handle.stat(), again === undefined ? undefined : fs.stat(again).catch(() => undefined)]);
  if (again === undefined || !isInside(realRoot, again) || !named || named.dev !== held.dev || named.ino !== held.ino) {
    throw new PathRefusedError(requested, 'the file opened lies outside its folder (a folder was swapped for a link)');
  }
}
