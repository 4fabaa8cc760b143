import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FileProgress } from '../../../../../shared/api/migrate';
import { PlanFiles, planFileState } from '../../../../../renderer/src/components/migrate/plan-files';
import { I18nProvider } from '../../../../../renderer/src/i18n/i18n';

const files: FileProgress[] = [
  { name: 'OS79XX.TXT', hop: 0, state: 'served', bytes: 13, total: 13 },
  { name: 'P003-8-12-00.sbn', hop: 0, state: 'sending', bytes: 512, total: 1000 },
  { name: 'SEP000E84C060A6.cnf', hop: 0, state: 'not-found', bytes: 0 },
  { name: 'P0S3-8-12-00.sb2', hop: 1, state: 'waiting', bytes: 0 },
];

const render = (language: 'en' | 'ja') => renderToStaticMarkup(createElement(I18nProvider, { language, children: createElement(PlanFiles, { files }) }));

describe('PlanFiles', () => {
  it('says each plan file as sent, asked or never asked', () => {
    expect(files.map(planFileState)).toEqual(['sent', 'asked', 'asked', 'never-asked']);
    const html = render('en');
    expect(html).toContain('data-file="OS79XX.TXT" data-state="sent"');
    expect(html).toContain('data-file="P0S3-8-12-00.sb2" data-state="never-asked"');
    expect(html).toContain('asked, not sent whole');
    expect(html).toContain('512 B / 1000 B');
  });

  it('in Japanese too', () => {
    const html = render('ja');
    expect(html).toContain('送信済み');
    expect(html).toContain('要求なし');
  });
});
