// Whether out/cli (the compiled phonebench command) can run: present, and newer than every source it was built from.
import { readFileSync, statSync } from 'node:fs';

/**
 * @param {string} root the project folder, ending in a slash
 * @returns {string | undefined} why the compiled CLI cannot be used, or undefined when it can
 */
export function compiledCliProblem(root) {
  const builtAt = statSync(`${root}out/cli/main.js`, { throwIfNoEntry: false })?.mtimeMs;
  if (builtAt === undefined) return 'out/cli is missing';
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(`${root}out/cli/inputs.json`, 'utf8'));
  } catch {
    return 'out/cli/inputs.json is missing';
  }
  for (const input of inputs) {
    // A source that is gone (a copy without the sources) cannot be newer than the build.
    const source = statSync(`${root}${input}`, { throwIfNoEntry: false });
    if (source && source.mtimeMs > builtAt) return `${input} changed since the last build`;
  }
  return undefined;
}
