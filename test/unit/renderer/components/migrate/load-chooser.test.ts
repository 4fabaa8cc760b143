import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { choiceOutcome } from '../../../../../shared/cisco/planner/choose-load';
import type { PlanChoice } from '../../../../../shared/cisco/planner/plan-types';
import { LoadChooser } from '../../../../../renderer/src/components/migrate/load-chooser';
import { I18nProvider } from '../../../../../renderer/src/i18n/i18n';

// The planner no longer stops for a choice on its default routes (R2 goes through SIP 6.3; an SCCP 6.x first
// stop is an optional --via), so the chooser is fed the planner's own structured "needs choice" outcome.
function choice(library: string[]): PlanChoice {
  const r = choiceOutcome('r2-first', library);
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
