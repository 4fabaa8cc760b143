import { describe, expect, it } from 'vitest';
import type { LintContext } from '../../../../../shared/cisco/lint/lint-config-file';
import { lintConfigFile } from '../../../../../shared/cisco/lint/lint-config-file';
import { findingText } from './finding-text';

/**
 * Issue 11, items 1 and 8. The names come from the domain reference (section 2, "Firmware packages"): the real
 * SIP 8.12 set is OS79XX.TXT (content P003-8-12-00), P003-8-12-00.bin, P003-8-12-00.sbn, P0S3-8-12-00.loads,
 * P0S3-8-12-00.sb2. Never from the linter's own output.
 */
const SIP_812_PACKAGE = ['OS79XX.TXT', 'P003-8-12-00.bin', 'P003-8-12-00.sbn', 'P0S3-8-12-00.loads', 'P0S3-8-12-00.sb2'];

function lint(file: string, text: string, context?: LintContext): string[] {
  return lintConfigFile(file, text, context).map(findingText);
}

function errors(file: string, text: string, context?: LintContext): string[] {
  return lintConfigFile(file, text, context)
    .filter((f) => f.severity === 'error')
    .map(findingText);
}

describe('SIP 7.x and later: OS79XX.TXT names the loader (issue 11 item 1)', () => {
  it('the package\'s own OS79XX.TXT passes against the package', () => {
    expect(lint('OS79XX.TXT', 'P003-8-12-00\n', { library: SIP_812_PACKAGE })).toEqual([]);
  });

  it('OS79XX.TXT naming the application P0S3-8-12-00 is an error, with or without a library, and the fix names P003-8-12-00', () => {
    for (const context of [{}, { library: SIP_812_PACKAGE }]) {
      const found = errors('OS79XX.TXT', 'P0S3-8-12-00\n', context);
      expect(found.length, JSON.stringify(context)).toBeGreaterThan(0);
      expect(found.join('\n')).toContain('P003-8-12-00');
    }
  });

  it('requires a .bin or .sbn of the named id in the library: a .loads alone is not enough', () => {
    const found = errors('OS79XX.TXT', 'P0S3-8-12-00\n', { library: ['P0S3-8-12-00.loads', 'P0S3-8-12-00.sb2'] });
    expect(found.some((f) => /\.bin/.test(f) && /\.sbn/.test(f))).toBe(true);
  });

  it('the .loads extension fix names the loader, not P0S3-8-12-00', () => {
    const found = errors('OS79XX.TXT', 'P0S3-8-12-00.loads\n');
    const extension = found.find((f) => f.includes('.loads'));
    expect(extension).toBeDefined();
    expect(extension).toMatch(/fix: .*P003-8-12-00/);
    expect(extension).not.toMatch(/fix: .*P0S3-8-12-00/);
  });

  it('SIP 3.0 to 6.x still names the application (source document: P0S3-xx-y-zz)', () => {
    expect(lint('OS79XX.TXT', 'P0S3-06-3-00\n')).toEqual([]);
  });

  it('the library answers for the wrong-width form too: the fix for P0S3-08-12-00 in OS79XX.TXT is the loader', () => {
    const found = errors('OS79XX.TXT', 'P0S3-08-12-00\n', { library: SIP_812_PACKAGE });
    expect(found.join('\n')).toMatch(/fix: .*P003-8-12-00/);
  });
});

describe('linter checks of issue 11 item 8', () => {
  it('a UTF-8 byte order mark in OS79XX.TXT is an error', () => {
    expect(errors('OS79XX.TXT', '\uFEFFP003-8-12-00\n').length).toBeGreaterThan(0);
    // As read byte for byte (latin1), the way a phone sees the three bytes EF BB BF.
    expect(errors('OS79XX.TXT', '\u00EF\u00BB\u00BFP003-8-12-00\n').length).toBeGreaterThan(0);
    expect(errors('OS79XX.TXT', 'P003-8-12-00\n')).toEqual([]);
  });

  it('POS3 with the letter O (as the source document prints it) gets a "letter O vs zero" fix', () => {
    // Source document line 342: "POS30202" for SIP 2.2; line 344: "POS3-07-4-00" for SIP 7.4.
    const found = errors('OS79XX.TXT', 'POS30202\n');
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(/letter O/);
    expect(found.join('\n')).toMatch(/zero/);
    expect(found.join('\n')).toMatch(/fix: .*P0S30202/);
    expect(errors('SIPDefault.cnf', 'image_version: POS3-07-4-00\n').join('\n')).toMatch(/letter O.*fix: .*P0S3-07-4-00/s);
  });

  it('phone_prompt longer than 15 characters and phone_password longer than 31 are errors; the password is never echoed', () => {
    expect(errors('SIPDefault.cnf', `phone_prompt: ${'x'.repeat(15)}\n`)).toEqual([]);
    expect(errors('SIPDefault.cnf', `phone_prompt: ${'x'.repeat(16)}\n`).join('\n')).toMatch(/phone_prompt.*15/);
    const secret = `S${'e'.repeat(31)}`;
    expect(errors('SIP0011223344AA.cnf', `phone_password: ${'e'.repeat(31)}\n`)).toEqual([]);
    const found = lintConfigFile('SIP0011223344AA.cnf', `phone_password: ${secret}\n`);
    expect(found.filter((f) => f.severity === 'error').map(findingText).join('\n')).toMatch(/phone_password.*31/);
    expect(JSON.stringify(found)).not.toContain(secret);
    expect(found.map(findingText).join('\n')).not.toContain(secret);
  });

  it('phone_label gets a warning that says its limit is not established, with no number made up', () => {
    const found = lintConfigFile('SIPDefault.cnf', `phone_label: ${'L'.repeat(40)}\n`);
    expect(found.filter((f) => f.severity === 'error')).toEqual([]);
    const label = found.filter((f) => f.severity === 'warning').map(findingText);
    expect(label).toHaveLength(1);
    expect(label[0]).toMatch(/phone_label/);
    expect(label[0]).toMatch(/unknown|not documented|not established/i);
  });

  it('image_version naming a loader id is an error whose fix names the application', () => {
    const found = errors('SIPDefault.cnf', 'image_version: P003-8-12-00\n');
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(/fix: .*P0S3-8-12-00/);
    expect(errors('SIPDefault.cnf', 'image_version: P0S3-8-12-00\n', { library: SIP_812_PACKAGE })).toEqual([]);
    // The loader's .bin/.sbn in the library does not make it a config file's image: the phone fetches <id>.loads.
    expect(errors('SIPDefault.cnf', 'image_version: P003-8-12-00\n', { library: SIP_812_PACKAGE }).join('\n')).toMatch(/fix: .*P0S3-8-12-00/);
  });
});
