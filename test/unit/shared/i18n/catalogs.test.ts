import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../../shared/api/result';
import { MESSAGE_CATALOGS } from '../../../../shared/i18n/catalog';
import { formatMessage, hasMessageKey } from '../../../../shared/i18n/format';
import { msg } from '../../../../shared/i18n/message';

const ROOT = path.resolve(__dirname, '../../../..');

/** Every .ts/.tsx file under the folders the product's words come from. */
function sources(...dirs: string[]): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'dist') continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push({ file: path.relative(ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  for (const dir of dirs) walk(path.join(ROOT, dir));
  return out;
}

const ENGINE_AND_PLANNER = sources('electron', 'shared', 'renderer/src');

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** Every key the code asks for: msg('a.b') whole, and msg(`a.${x}`) as the prefix before the first `${`. */
function keysInSource(): { whole: Map<string, string>; prefixes: Map<string, string> } {
  const whole = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const { file, text } of ENGINE_AND_PLANNER) {
    for (const m of text.matchAll(/\bmsg\(\s*'([^']+)'/g)) whole.set(m[1]!, file);
    for (const m of text.matchAll(/\bmsg\(\s*`([^`$]*)\$\{/g)) prefixes.set(m[1]!, file);
    // msg(cond ? 'a' : 'b'): every quoted key in the ternary.
    for (const m of text.matchAll(/\bmsg\(\s*[\w.!?=&|() ]+\?\s*'([^']+)'\s*:\s*'([^']+)'/g)) {
      whole.set(m[1]!, file);
      whole.set(m[2]!, file);
    }
  }
  return { whole, prefixes };
}

describe('message catalogues (engine, planner, and what the renderer says for them)', () => {
  it('every catalogue has each English key in Japanese, non-empty, with the same {placeholders}', () => {
    for (const catalog of MESSAGE_CATALOGS) {
      const en = catalog.en as Record<string, string>;
      const ja = catalog.ja as Record<string, string>;
      expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(ja[key]!.trim().length, `${key} is empty in Japanese`).toBeGreaterThan(0);
        expect(placeholders(ja[key]!), `${key}: placeholders differ between English and Japanese`).toEqual(placeholders(en[key]!));
      }
    }
  });

  it('no key is defined in two catalogues', () => {
    const seen = new Map<string, number>();
    MESSAGE_CATALOGS.forEach((catalog, i) => {
      for (const key of Object.keys(catalog.en)) {
        expect(seen.has(key), `${key} is in catalogues ${seen.get(key)} and ${i}`).toBe(false);
        seen.set(key, i);
      }
    });
  });

  it('every key the engine, the planner or the renderer emits is in the catalogues', () => {
    const { whole, prefixes } = keysInSource();
    expect(whole.size).toBeGreaterThan(200);
    const missing = [...whole].filter(([key]) => !hasMessageKey(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
    const allKeys = MESSAGE_CATALOGS.flatMap((c) => Object.keys(c.en));
    const deadPrefixes = [...prefixes].filter(([prefix]) => !allKeys.some((k) => k.startsWith(prefix))).map(([p, file]) => `${p}… (${file})`);
    expect(deadPrefixes).toEqual([]);
  });

  it('every error code has a title in both languages', () => {
    for (const code of ERROR_CODES) {
      const title = msg(`error.code.${code}`);
      expect(formatMessage('en', title), code).not.toBe(title.key);
      expect(formatMessage('ja', title), code).not.toBe(formatMessage('en', title));
    }
  });

  it('Japanese says a message in Japanese, parameters included', () => {
    const said = formatMessage('ja', msg('migrate.t.ipLearned', { mac: '000E84C060A6', ip: '10.0.0.5', source: msg('migrate.ipSource.dhcp') }));
    expect(said).toBe('電話機 000E84C060A6 は 10.0.0.5 です (ベンチ DHCP が割り当て)。以後このアドレスにだけ配信します。');
    expect(formatMessage('ja', msg('migrate.missingFiles', { files: ['A.sbn', 'B.bin'] }))).toContain('A.sbn、B.bin');
  });

  it('no English crosses the contract: no legacyText( and no plain-string error outside shared/i18n', () => {
    const leaks: string[] = [];
    for (const { file, text } of ENGINE_AND_PLANNER) {
      if (file.startsWith(path.join('shared', 'i18n'))) continue;
      if (file === path.join('shared', 'api', 'result.ts')) continue;
      for (const m of text.matchAll(/legacyText\(/g)) leaks.push(`${file}:${lineOf(text, m.index)} legacyText(`);
      for (const m of text.matchAll(/\b(?:PhonebenchError|err|appError)\(\s*(?:'[a-z-]+'|\w+\.code),\s*[`'"]/g)) {
        leaks.push(`${file}:${lineOf(text, m.index)} English string in an error`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

function lineOf(text: string, index: number | undefined): number {
  return text.slice(0, index ?? 0).split('\n').length;
}
