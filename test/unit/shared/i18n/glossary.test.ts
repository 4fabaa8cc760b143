import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../../..');

interface Term {
  english: string;
  japanese: string;
  not: string[];
}

/** The table of docs/glossary.md: English | Japanese | Not (comma-separated) | Where used. */
function glossary(): Term[] {
  const rows = readFileSync(path.join(ROOT, 'docs/glossary.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(English|---)/.test(line));
  return rows.map((line) => {
    const [english = '', japanese = '', not = ''] = line.split('|').slice(1).map((cell) => cell.trim());
    return { english, japanese, not: not.split(/,\s*/).filter((s) => s !== '') };
  });
}

/** Every .ts/.tsx file where the product's Japanese lives (catalogues, the report, the planner's hints). */
function sources(...dirs: string[]): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'dist') continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name)) out.push({ file: path.relative(ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  for (const dir of dirs) walk(path.join(ROOT, dir));
  return out;
}

/** Places where `wrong` is written and is not the start of the right spelling (サーバ inside サーバー is fine). */
function misspellings(text: string, wrong: string, right: string): string[] {
  const found: string[] = [];
  for (let i = text.indexOf(wrong); i !== -1; i = text.indexOf(wrong, i + 1)) {
    if (right.startsWith(wrong) && right.length > wrong.length && text.startsWith(right, i)) continue;
    // The right spelling may also contain the wrong one in its middle (rare); skip that too.
    const offset = right.indexOf(wrong);
    if (offset > 0 && text.startsWith(right, i - offset)) continue;
    found.push(text.slice(Math.max(0, i - 12), i + wrong.length + 12).replace(/\n/g, ' '));
  }
  return found;
}

describe('the Japanese glossary (docs/glossary.md)', () => {
  const terms = glossary();

  it('lists the terms the issue names, each with one Japanese spelling', () => {
    const byEnglish = new Map(terms.map((t) => [t.english.split(' (')[0], t.japanese]));
    expect(byEnglish.get('server')).toBe('サーバー');
    expect(byEnglish.get('adapter')).toBe('アダプター');
    expect(byEnglish.get('folder')).toBe('フォルダー');
    expect(byEnglish.get('interface')).toBe('インターフェイス');
    for (const t of terms) expect(t.japanese, t.english).not.toBe('');
  });

  it('finds a wrong spelling and leaves the right one alone', () => {
    expect(misspellings('TFTP サーバーとサーバ', 'サーバ', 'サーバー')).toHaveLength(1);
    expect(misspellings('TFTP サーバー', 'サーバ', 'サーバー')).toEqual([]);
    expect(misspellings('インターフェース', 'インターフェース', 'インターフェイス')).toHaveLength(1);
  });

  it('no source file uses a spelling the glossary rules out', () => {
    const problems: string[] = [];
    for (const { file, text } of sources('shared', 'renderer/src', 'electron')) {
      for (const term of terms) {
        for (const wrong of term.not) {
          for (const where of misspellings(text, wrong, term.japanese)) problems.push(`${file}: "${wrong}" (write "${term.japanese}"): …${where}…`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
