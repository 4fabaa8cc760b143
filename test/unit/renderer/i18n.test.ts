import { describe, expect, it } from 'vitest';
import { CATALOGS, translate } from '../../../renderer/src/i18n/i18n';

describe('i18n catalogues', () => {
  it('finds the catalogues', () => {
    expect(CATALOGS.length).toBeGreaterThan(0);
  });

  it('has every key in both English and Japanese', () => {
    for (const catalog of CATALOGS as readonly { en: Record<string, string>; ja: Record<string, string> }[]) {
      const en = Object.keys(catalog.en).sort();
      const ja = Object.keys(catalog.ja).sort();
      expect(ja).toEqual(en);
      for (const key of en) expect(catalog.ja[key]!.length, key).toBeGreaterThan(0);
    }
  });

  it('never defines a key twice across catalogues', () => {
    const seen = new Set<string>();
    for (const catalog of CATALOGS) {
      for (const key of Object.keys(catalog.en)) {
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  it('fills variables and falls back to the key', () => {
    expect(translate('en', 'app.error', { message: 'boom' })).toBe('Error: boom');
    expect(translate('ja', 'app.nav.settings')).toBe('設定');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
