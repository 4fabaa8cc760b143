import os from 'node:os';
import path from 'node:path';

/** The OS convention for application data, overridable by flag or PHONEBENCH_DATA_DIR. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PHONEBENCH_DATA_DIR) return path.resolve(env.PHONEBENCH_DATA_DIR);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Phonebench');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Phonebench');
    default:
      return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'phonebench');
  }
}
