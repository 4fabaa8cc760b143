import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { trackFolder } from '../leftovers';
import type { Readable } from 'node:stream';
import {
  bundleManifestSchema,
  type ArchiveFormat,
  type BundleFile,
  type BundleManifest,
  type ExportResult,
} from '../../../shared/api/firmware';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import { recognizeBundle } from '../../../shared/cisco/bundle-recognition';
import { syncFolder, writeFileAtomic } from '../atomic-write';
import { storageError } from '../storage-errors';
import { Extraction } from './extraction';
import { ImportBudget, toMiB, type BudgetProgress } from './import-budget';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits';
import { exportBundle } from './bundle-export';
import { ImportStop } from './import-stop';
import { sniffFile } from './source-format';
import { discardLog, type SwallowLog } from '../kit/log';
import { NotRegularFileError, openRegularFile, readRegularFile } from '../safe-open';
import { processStartedAtMs } from '../process-start';

/** A manifest lists at most a few thousand files; anything far bigger is not one of ours. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

const MANIFEST = 'manifest.json';
const FILES = 'files';
const STAGING = '.staging';
const ID_PATTERN = /^[0-9a-f]{16}$/;
/** OS79XX.TXT is read for recognition; a real one is a dozen bytes. */
const MAX_TEXT_READ = 4096;

export type ImportPhaseReport = (phase: 'hashing' | 'extracting' | 'recognizing' | 'committing', progress: BudgetProgress) => void;

export interface ImportOptions {
  /** Shown to the technician and kept in the manifest; defaults to the file's own name. */
  sourceName?: string;
  onProgress?: ImportPhaseReport;
  /** Stops the import; it then fails with 'cancelled' and leaves nothing behind. */
  signal?: AbortSignal;
}

/**
 * The firmware library on disk: `<root>/<id>/manifest.json` and `<root>/<id>/files/<name>`. An import
 * unpacks into `<root>/.staging/<random>/` and is renamed into place whole, so a failure leaves nothing.
 */
export class FirmwareLibrary {
  private sweeping: Promise<void> | undefined;

  constructor(
    readonly root: string,
    /** Fixed limits, or a function read at each import (the settings may change between imports). */
    private readonly limits: ImportLimits | (() => ImportLimits) = DEFAULT_IMPORT_LIMITS,
    /** Where an unreadable bundle met while listing is written (the engine's log). */
    private readonly log: SwallowLog = discardLog,
  ) {}

  /** Every readable bundle, newest first. A damaged manifest is left out (show/delete still name it). */
  async list(): Promise<BundleManifest[]> {
    await this.sweep();
    const ids = await this.ids();
    const manifests: BundleManifest[] = [];
    for (const id of ids) {
      try {
        manifests.push(await this.get(id));
      } catch (error) {
        // Unreadable bundles are reported by get(); the list shows what can be used.
        this.log.swallowed('firmware', 'read bundle for the list', error, { bundle: id });
      }
    }
    return manifests.sort((a, b) => b.importedAt.localeCompare(a.importedAt) || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<BundleManifest> {
    const dir = this.bundleDir(id);
    let text: string;
    try {
      text = (await readRegularFile(path.join(dir, MANIFEST), MAX_MANIFEST_BYTES, { noFollow: true })).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new PhonebenchError('not-found', msg('firmware.noBundle', { id }), msg('firmware.noBundle.fix'));
      }
      // A FIFO, folder, symlink or giant in the manifest's place: the bundle is damaged, said with its fix.
      if (!(error instanceof NotRegularFileError) && !['EFBIG', 'ELOOP', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      text = '';
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = bundleManifestSchema.safeParse(json);
    if (!parsed.success || parsed.data.id !== id) {
      throw new PhonebenchError('io-error', msg('firmware.manifestDamaged', { id }), msg('firmware.manifestDamaged.fix', { id }));
    }
    return parsed.data;
  }

  /** Where a bundle's file lives. `name` must be a plain file name; existence is not checked. */
  filePath(id: string, name: string): string {
    if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
      throw new PhonebenchError('bad-request', msg('firmware.notPlainName', { name: JSON.stringify(name) }));
    }
    return path.join(this.bundleDir(id), FILES, name);
  }

  /** The manifest entry for `name`, matched without case as the TFTP server does; undefined when absent. */
  async findFile(id: string, name: string): Promise<BundleFile | undefined> {
    const manifest = await this.get(id);
    const exact = manifest.files.find((file) => file.name === name);
    return exact ?? manifest.files.find((file) => file.name.toLowerCase() === name.toLowerCase());
  }

  /** A stream of one file of a bundle, for serving it straight from the library. */
  async openFile(id: string, name: string): Promise<{ file: BundleFile; stream: Readable }> {
    const file = await this.findFile(id, name);
    if (!file) throw new PhonebenchError('not-found', msg('firmware.noFile', { id, name }));
    const full = this.filePath(id, file.name);
    const { handle } = await openRegularFile(full, { noFollow: true });
    return { file, stream: handle.createReadStream() };
  }

  async import(sourcePath: string, options: ImportOptions = {}): Promise<BundleManifest> {
    const source = path.resolve(sourcePath);
    const sourceName = options.sourceName ?? path.basename(source);
    const limits = typeof this.limits === 'function' ? this.limits() : this.limits;
    const stop = new ImportStop(sourceName, limits.maxSeconds, options.signal);
    try {
      return await this.importWithin(source, sourcePath, sourceName, limits, stop, options.onProgress ?? (() => {}));
    } catch (error) {
      // Once stopped, whatever broke on the way out (a destroyed stream) is the stop itself.
      if (stop.signal.aborted) throw stop.error();
      // The source was swapped for a FIFO or device after it was checked: refused on the handle, nothing read.
      if (error instanceof NotRegularFileError) {
        const kind = error.kind === 'directory' ? 'other' : error.kind;
        throw new PhonebenchError(
          'archive-refused',
          msg('firmwareImport.notRegular', { path: sourcePath, kind: msg(`firmwareImport.kind.${kind}`) }),
          msg('firmwareImport.notRegular.fix'),
        );
      }
      throw storageError(error, sourceName, path.join(this.root, STAGING, 'x')) ?? error;
    } finally {
      stop.dispose();
    }
  }

  private async importWithin(
    source: string,
    sourcePath: string,
    sourceName: string,
    limits: ImportLimits,
    stop: ImportStop,
    report: ImportPhaseReport,
  ): Promise<BundleManifest> {
    stop.check();
    const stat = await fs.stat(source).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        throw new PhonebenchError('not-found', msg('firmware.sourceMissing', { path: sourcePath }), msg('firmware.sourceMissing.fix'));
      }
      throw new PhonebenchError('io-error', msg('firmware.sourceUnreadable', { path: sourcePath, code: error.code ?? error.message }), msg('firmware.sourceUnreadable.fix'));
    });
    checkSourceBeforeReading(stat, sourcePath, sourceName, limits);
    const format: ArchiveFormat = stat.isDirectory() ? 'folder' : await sniffFile(source, sourceName);
    if (format === 'file' && !namedLikeFirmware(sourceName, stat.size)) {
      throw new PhonebenchError('archive-refused', msg('firmwareImport.notFirmware', { name: sourceName }), msg('firmwareImport.notFirmware.fix'));
    }

    let sourceSha: string | null = null;
    if (format !== 'folder') {
      report('hashing', { bytes: 0, entries: 0 });
      sourceSha = await sha256File(source, (bytes) => report('hashing', { bytes, entries: 0 }), stop);
      await this.refuseDuplicate((m) => m.source.sha256 === sourceSha, sourceName);
    }
    stop.check();

    await this.sweep();
    const stagingDir = path.join(this.root, STAGING, `${process.pid}-${randomBytes(8).toString('hex')}`);
    const filesDir = path.join(stagingDir, FILES);
    const scratchDir = path.join(stagingDir, 'scratch');
    // A forced exit (a second Ctrl-C, the stop deadline) removes it synchronously; the next start sweeps the rest.
    const untrack = trackFolder(stagingDir);
    try {
      await fs.mkdir(filesDir, { recursive: true });
      await fs.mkdir(scratchDir);
      const budgetBase = format === 'folder' ? 0 : stat.size;
      const budget = new ImportBudget(limits, budgetBase, sourceName, (p) => report('extracting', p), stop);
      const extraction = new Extraction(filesDir, scratchDir, budget);
      report('extracting', { bytes: 0, entries: 0 });
      switch (format) {
        case 'folder':
          await extraction.fromFolder(source, sourceName);
          break;
        case 'file':
          await extraction.fromLooseFile(source, sourceName);
          break;
        default:
          await extraction.fromArchive(source, format, sourceName, 0);
      }
      await fs.rm(scratchDir, { recursive: true, force: true });
      stop.check();
      if (extraction.files.length === 0) {
        throw new PhonebenchError('archive-refused', msg('firmware.empty', { source: sourceName }), msg('firmware.empty.fix'));
      }

      const progress = { bytes: budget.totalBytes, entries: budget.totalEntries };
      report('recognizing', progress);
      const files = [...extraction.files].sort((a, b) => a.name.localeCompare(b.name));
      const contentSha = contentDigest(files);
      const id = contentSha.slice(0, 16);
      await this.refuseDuplicate((m) => m.id === id, sourceName);
      const recognition = recognizeBundle({
        files: files.map((f) => ({ name: f.name, size: f.size })),
        texts: await readTexts(filesDir, files),
      });
      const manifest: BundleManifest = {
        formatVersion: 1,
        id,
        source: {
          name: sourceName.slice(0, 1024),
          format,
          size: format === 'folder' ? budget.totalBytes : stat.size,
          sha256: sourceSha ?? contentSha,
        },
        importedAt: new Date().toISOString(),
        files,
        skipped: extraction.skipped,
        recognition,
      };
      bundleManifestSchema.parse(manifest);

      report('committing', progress);
      stop.check();
      await writeFileAtomic(path.join(stagingDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      try {
        await fs.rename(stagingDir, this.bundleDir(id));
        await syncFolder(this.root);
      } catch (error) {
        // Another import of the same files won the race (ENOTEMPTY here, EPERM or EEXIST on Windows).
        const taken = await fs.stat(this.bundleDir(id)).then(
          () => true,
          () => false,
        );
        if (taken) await this.refuseDuplicate((m) => m.id === id, sourceName, true, id);
        throw error;
      }
      return manifest;
    } finally {
      await fs.rm(stagingDir, { recursive: true, force: true });
      untrack();
    }
  }

  /** Removes a bundle at once: renamed aside first, so a half-deleted bundle is never listed. */
  async delete(id: string): Promise<void> {
    const dir = this.bundleDir(id);
    const trash = path.join(this.root, STAGING, `${process.pid}-deleted-${id}-${randomBytes(4).toString('hex')}`);
    await fs.mkdir(path.dirname(trash), { recursive: true });
    try {
      await fs.rename(dir, trash);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new PhonebenchError('not-found', msg('firmware.noBundle', { id }));
      }
      throw error;
    }
    await fs.rm(trash, { recursive: true, force: true });
  }

  /** Copies a bundle's files into `to` (a TFTP root). See exportBundle for the overwrite rules. */
  async export(id: string, to: string): Promise<ExportResult> {
    const manifest = await this.get(id);
    return exportBundle(manifest, (name) => this.filePath(id, name), path.resolve(to));
  }

  private bundleDir(id: string): string {
    if (!ID_PATTERN.test(id)) throw new PhonebenchError('bad-request', msg('firmware.badId', { id: JSON.stringify(id) }));
    return path.join(this.root, id);
  }

  private async ids(): Promise<string[]> {
    const names = await fs.readdir(this.root).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    return names.filter((name) => ID_PATTERN.test(name));
  }

  private async refuseDuplicate(match: (m: BundleManifest) => boolean, sourceName: string, always = false, id?: string): Promise<void> {
    const existing = (await this.list()).find(match);
    if (!existing && !always) return;
    if (!existing && id !== undefined) {
      const readable = await this.get(id).then(
        () => true,
        () => false,
      );
      if (!readable) {
        throw new PhonebenchError(
          'io-error',
          msg('firmware.duplicateDamaged', { id, source: sourceName }),
          msg('firmware.duplicateDamaged.fix', { id }),
        );
      }
    }
    throw new PhonebenchError(
      'duplicate-bundle',
      existing
        ? msg('firmware.duplicate', { source: sourceName, id: existing.id, from: existing.source.name, at: existing.importedAt })
        : msg('firmware.duplicateUnknown', { source: sourceName }),
      msg('firmware.duplicate.fix'),
    );
  }

  /**
   * Removes the leftovers of imports or deletes cut short by a crash (kill -9, power cut): staging folders
   * whose process is gone. Runs once, at start (the domain calls it) or before the first use.
   */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepStaleStaging();
    return this.sweeping;
  }

  private async sweepStaleStaging(): Promise<void> {
    const staging = path.join(this.root, STAGING);
    const names = await fs.readdir(staging).catch(() => [] as string[]);
    for (const name of names) {
      const folder = path.join(staging, name);
      const pid = Number(name.split('-')[0]);
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && !(await leftBeforeStart(folder, pid))) continue;
      await fs.rm(folder, { recursive: true, force: true });
    }
  }
}

/** Refuses, before a byte is read, what can never be a firmware source: devices, pipes, sockets, huge files. */
function checkSourceBeforeReading(stat: Stats, sourcePath: string, sourceName: string, limits: ImportLimits): void {
  if (!stat.isFile() && !stat.isDirectory()) {
    const kind = stat.isCharacterDevice() || stat.isBlockDevice() ? 'device' : stat.isFIFO() ? 'fifo' : stat.isSocket() ? 'socket' : 'other';
    throw new PhonebenchError(
      'archive-refused',
      msg('firmwareImport.notRegular', { path: sourcePath, kind: msg(`firmwareImport.kind.${kind}`) }),
      msg('firmwareImport.notRegular.fix'),
    );
  }
  if (stat.isFile() && stat.size > limits.maxTotalBytes) {
    const limit = toMiB(limits.maxTotalBytes);
    throw new PhonebenchError(
      'archive-refused',
      msg('firmwareImport.sourceTooLarge', { name: sourceName, size: toMiB(stat.size), limit }),
      msg('firmwareImport.raiseLimit.fix', { setting: 'maxMegabytes', limit }),
    );
  }
}

/** A loose file (not an archive) is only worth reading when its name is one a 7940/7960 uses. */
function namedLikeFirmware(name: string, size: number): boolean {
  return recognizeBundle({ files: [{ name, size }], texts: {} }).kind !== 'unknown';
}

/** Slack for the second-grained boot time the start is computed from. */
const START_SLACK_MS = 2000;

/**
 * True when `folder` was last changed before process `pid` started: an earlier process with the same PID
 * (reused after a crash and a reboot, or PID 1 in a container) left it. An import in progress touches its
 * folder as it adds files, so its time is never older than its own process.
 */
async function leftBeforeStart(folder: string, pid: number): Promise<boolean> {
  const started = processStartedAtMs(pid);
  if (started === undefined) return false;
  const stat = await fs.stat(folder).catch(() => undefined);
  return stat !== undefined && stat.mtimeMs < started - START_SLACK_MS;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const HASH_REPORT_STEP = 16 * 1024 * 1024;

/** SHA-256 of a file, streamed; `onBytes` hears about every 16 MiB read. */
export async function sha256File(file: string, onBytes: (bytes: number) => void = () => {}, stop?: ImportStop): Promise<string> {
  const hash = createHash('sha256');
  let bytes = 0;
  let reported = 0;
  const { handle } = await openRegularFile(file);
  for await (const chunk of handle.createReadStream({ highWaterMark: 256 * 1024, ...(stop ? { signal: stop.signal } : {}) })) {
    stop?.check();
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    if (bytes - reported >= HASH_REPORT_STEP) {
      reported = bytes;
      onBytes(bytes);
    }
  }
  return hash.digest('hex');
}

/** The identity of a bundle's content: the sorted file list with hashes, as sha256sum would print it. */
export function contentDigest(files: BundleFile[]): string {
  const lines = files.map((f) => `${f.sha256}  ${f.name}\n`).join('');
  return createHash('sha256').update(lines).digest('hex');
}

async function readTexts(dir: string, files: BundleFile[]): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const file of files) {
    if (file.name.toUpperCase() !== 'OS79XX.TXT') continue;
    const { handle } = await openRegularFile(path.join(dir, file.name), { noFollow: true });
    try {
      const buffer = Buffer.alloc(Math.min(file.size, MAX_TEXT_READ));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      texts[file.name] = buffer.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  }
  return texts;
}
