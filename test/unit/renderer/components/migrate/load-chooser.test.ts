import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseFirmwareLabel } from '../../../../../shared/cisco/firmware-version';
import { planMigration } from '../../../../../shared/cisco/planner/plan-migration';
import type { PlanChoice } from '../../../../../shared/cisco/planner/plan-types';
import { LoadChooser } from '../../../../../renderer/src/components/migrate/load-chooser';
import { I18nProvider } from '../../../../../renderer/src/i18n/i18n';

function choice(library: string[]): PlanChoice {
  const from = parseFirmwareLabel('SIP 4.4');
  const to = parseFirmwareLabel('SCCP 8.1(2)SR2');
  if (!from || !to) throw new Error('label');
  const r = planMigration({ model: '7960', mac: '000E84C060A6', from, to, context: 'bench', library: { files: library } });
  if (r.ok || r.choice === undefined) throw new Error('expected a choice');
  return r.choice;
}

function render(c: PlanChoice, language: 'en' | 'ja'): string {
  return renderToStaticMarkup(createElement(I18nProvider, { language, children: createElement(LoadChooser, { choice: c, onChoose: () => {} }) }));
}

describe('LoadChooser', () => {
  it('lists the library loads that fit, none preselected, and never a made-up one', () => {
    const html = render(choice(['P00306000200.sbn', 'P00306000100.bin', 'P0S3-8-12-00.sb2']), 'en');
    expect(html).toContain('Choose the SCCP 6.x load for this plan');
    expect(html).toContain('<code>P00306000100</code>');
    expect(html).toContain('<code>P00306000200</code>');
    expect(html).not.toContain('checked');
    expect(html).not.toMatch(/P00306030000|P0030603/);
    expect(html).toMatch(/<button type="submit" disabled="">Plan with this load<\/button>/);
  });

  it('with no fitting load says what to import, in Japanese too', () => {
    const html = render(choice([]), 'ja');
    expect(html).toContain('この計画に使う SCCP 6.x のロードを選んでください');
    expect(html).toContain('SCCP 6.x のロードがありません');
    expect(html).toContain('元文書は正確なロード名を示しておらず');
    expect(html).not.toContain('<form');
  });
});
