/**
 * Run by crash-safety.test.ts in a child process (tsx), to be killed with SIGKILL in the middle of its work:
 *   import <dataDir> <archive>   imports the archive; prints "extracting" once well into the extraction
 *   settings <dataDir>           rewrites the settings for ever; prints "writing" after the first writes
 */
import { libraryRoot } from '../../../electron/engine/firmware/firmware-domain';
import { FirmwareLibrary } from '../../../electron/engine/firmware/library-store';
import { SettingsStore } from '../../../electron/engine/settings-store';

const [mode, dataDir, archive] = process.argv.slice(2);

async function importForKill(): Promise<void> {
  let said = false;
  await new FirmwareLibrary(libraryRoot(dataDir!)).import(archive!, {
    onProgress: (phase, progress) => {
      if (said || phase !== 'extracting' || progress.bytes < 8 * 1024 * 1024) return;
      said = true;
      process.stdout.write('extracting\n');
    },
  });
  process.stdout.write('done\n');
}

async function settingsForKill(): Promise<void> {
  const store = await SettingsStore.load(dataDir!);
  for (let i = 0; ; i += 1) {
    await store.update({ language: i % 2 === 0 ? 'ja' : 'en', tftp: { maxBlksize: 512 + (i % 1000) } });
    if (i === 20) process.stdout.write('writing\n');
  }
}

await (mode === 'import' ? importForKill() : settingsForKill());
