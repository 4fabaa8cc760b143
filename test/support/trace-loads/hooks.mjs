// Module hooks that print every module Node loads to stderr, as "loaded <url>" lines.
import { writeSync } from 'node:fs';

export async function load(url, context, next) {
  writeSync(2, `loaded ${url}\n`);
  return next(url, context);
}
