import packageJson from '../../package.json';

export function appVersion(): string {
  return packageJson.version;
}
