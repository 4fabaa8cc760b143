import { promises as fs } from 'node:fs';

/**
 * Replaces one benchmark's section of a markdown file, between `<!-- NAME:start -->` and `<!-- NAME:end -->`,
 * leaving the other sections alone; appends it when absent. Written through a temporary file and a rename.
 */
export async function writeDocSection(file: string, name: string, section: string): Promise<void> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const body = section.startsWith(start) ? section : `${start}\n${section}\n${end}`;
  const current = await fs.readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + body + current.slice(to + end.length) : `${current.trimEnd()}\n\n${body}\n`;
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, next);
  await fs.rename(tmp, file);
}
