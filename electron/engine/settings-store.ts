import { promises as fs } from 'node:fs';
import path from 'node:path';
import { settingsPatchSchema, settingsSchema, type Settings } from '../../shared/api/app';
import type { z } from 'zod';
import { sweepAtomicTemps, writeFileAtomic } from './atomic-write';
import { msg, type Message } from '../../shared/i18n/message';

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
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return new SettingsStore(file, settingsSchema.parse({}), undefined);
      }
      throw error;
    }
    const parsed = safeJson(text);
    const checked = parsed === undefined ? undefined : settingsSchema.safeParse(parsed);
    if (checked?.success) return new SettingsStore(file, checked.data, undefined);

    const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await fs.rename(file, aside);
    const notice = msg('settings.movedAside', { path: aside });
    return new SettingsStore(file, settingsSchema.parse({}), notice);
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
    });
    await writeFileAtomic(this.file, `${JSON.stringify(merged, null, 2)}\n`);
    this.current = merged;
    return this.get();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
