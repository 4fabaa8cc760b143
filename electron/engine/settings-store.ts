import { promises as fs } from 'node:fs';
import path from 'node:path';
import { settingsPatchSchema, settingsSchema, type Settings } from '../../shared/api/app';
import type { z } from 'zod';
import { sweepAtomicTemps, writeFileAtomic } from './atomic-write';
import { msg, type Message } from '../../shared/i18n/message';
import { PhonebenchError } from '../../shared/api/result';
import { NotRegularFileError, readRegularFile } from './safe-open';

/** Far more than any settings file; a bigger one is not ours. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Settings in a validated JSON file; a corrupt file is moved aside and defaults are used. */
export class SettingsStore {
  private constructor(
    readonly file: string,
    private current: Settings,
    /** Set when the file was unreadable at load. */
    readonly notice: Message | undefined,
  ) {}

  static async load(dataDir: string): Promise<SettingsStore> {
    const file = path.join(dataDir, 'settings.json');
    // A write cut short by a crash leaves only its temporary file; settings.json itself is whole.
    await sweepAtomicTemps(file);
    let text: string;
    try {
      // Without blocking (a FIFO in its place would hold a thread forever) and checked on the handle.
      text = (await readRegularFile(file, MAX_SETTINGS_BYTES)).toString('utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return new SettingsStore(file, settingsSchema.parse({}), undefined);
      // A folder, FIFO or device, or a file far too big: not settings; moved aside like a corrupt file.
      if (!(error instanceof NotRegularFileError) && code !== 'EFBIG' && code !== 'EISDIR') throw unreadable(file, error);
      return new SettingsStore(file, settingsSchema.parse({}), await moveAside(file, 'settings.notFileMovedAside'));
    }
    // Editors on Windows (Notepad) write a byte order mark: JSON.parse refuses it, a person does not see it.
    const parsed = safeJson(text.replace(/^\uFEFF/, ''));
    const checked = parsed === undefined ? undefined : settingsSchema.safeParse(parsed);
    if (checked?.success) return new SettingsStore(file, checked.data, undefined);
    return new SettingsStore(file, settingsSchema.parse({}), await moveAside(file, 'settings.movedAside'));
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const merged = settingsSchema.parse({
      ...this.current,
      ...patch,
      tftp: { ...this.current.tftp, ...(patch.tftp ?? {}) },
      firmwareImport: { ...this.current.firmwareImport, ...(patch.firmwareImport ?? {}) },
      console: { ...this.current.console, ...(patch.console ?? {}) },
    });
    await writeFileAtomic(this.file, `${JSON.stringify(merged, null, 2)}\n`);
    this.current = merged;
    return this.get();
  }
}

/** Renames what sits at settings.json aside (file or not) and says where; one that cannot be moved is an error with the fix. */
async function moveAside(file: string, key: 'settings.movedAside' | 'settings.notFileMovedAside'): Promise<Message> {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await fs.rename(file, aside);
  } catch (error) {
    throw unreadable(file, error);
  }
  return msg(key, { path: aside });
}

function unreadable(file: string, error: unknown): PhonebenchError {
  const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return new PhonebenchError('io-error', msg('settings.unreadable', { path: file, code }), msg('settings.unreadable.fix', { path: file }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
