import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleFix } from '../../../../../shared/cisco/planner/rule-fix';
import { formatMessage } from '../../../../../shared/i18n/format';

const PLANNER = path.resolve(__dirname, '../../../../../shared/cisco/planner');

/** Every rule id the planner can refuse with, read from its source. */
function ruleIds(): string[] {
  const ids = new Set<string>();
  for (const name of readdirSync(PLANNER)) {
    for (const m of readFileSync(path.join(PLANNER, name), 'utf8').matchAll(/rule: '([a-z0-9-]+)'/g)) ids.add(m[1]!);
  }
  return [...ids].sort();
}

describe('refusal fixes', () => {
  it('says every rule as a fix in words, in both languages, never as its id', () => {
    const ids = ruleIds();
    expect(ids).toContain('unknown-version');
    for (const id of ids) {
      for (const language of ['en', 'ja'] as const) {
        const text = formatMessage(language, ruleFix(id));
        expect(text, id).not.toContain(id);
        expect(text, id).not.toMatch(/ルール:|Rule:/);
      }
    }
    expect(formatMessage('ja', ruleFix('unknown-version'))).toBe('一覧にある既知のリリースから選んでください。');
    expect(formatMessage('en', ruleFix('a-rule-added-later'))).toMatch(/plan again/);
  });
});
