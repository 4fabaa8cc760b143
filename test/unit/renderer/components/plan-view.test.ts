import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PlanCreated } from '../../../../shared/api/plan';
import { parseFirmwareLabel } from '../../../../shared/cisco/firmware-version';
import { planMigration } from '../../../../shared/cisco/planner/plan-migration';
import { PATH_IDS } from '../../../../shared/cisco/planner/plan-types';
import { PlanView } from '../../../../renderer/src/components/plan-view';
import { I18nProvider } from '../../../../renderer/src/i18n/i18n';
import { messages } from '../../../../renderer/src/i18n/plan';
import { formatMessage } from '../../../../shared/i18n/format';

function created(from: string, to: string, sipSettings?: Record<string, string>): PlanCreated {
  const f = parseFirmwareLabel(from);
  const t = parseFirmwareLabel(to);
  if (f === undefined || t === undefined) throw new Error('label');
  const r = planMigration({ model: '7960', mac: '0011223344AA', from: f, to: t, context: 'bench', ...(sipSettings ? { sipSettings } : {}) });
  if (!r.ok) throw new Error(formatMessage('en', r.reason));
  return { from: f, to: t, plan: r.plan };
}

function render(value: PlanCreated, language: 'en' | 'ja' = 'en', currentHop?: number): string {
  const view = createElement(PlanView, currentHop === undefined ? { created: value } : { created: value, currentHop });
  return renderToStaticMarkup(createElement(I18nProvider, { language, children: view }));
}

describe('PlanView', () => {
  it('shows hops, files, config previews and warnings', () => {
    const html = render(created('SIP 2.3', 'SIP 5.3'), 'en', 2);
    expect(html).toContain('Plan: SIP 2.3 to SIP 5.3');
    expect(html).toContain('Hop 1: SIP 2.3 to SIP 4.4');
    expect(html).toContain('<code>P0S3-04-4-00.bin</code>');
    expect(html).toContain('<pre>image_version: P0S3-04-4-00\n</pre>');
    expect(html).toContain('W210 TFTP Error : buffer full');
    expect(html).toContain('aria-current="step"');
  });

  it('says what the final configs still lack, in both languages (issue 17)', () => {
    const sccp = render(created('SIP 8.12', 'SCCP 8.1(2)'));
    expect(sccp).toContain('data-testid="plan-final-notes"');
    expect(sccp).toMatch(/the call agent \(CallManager or CME\) writes the phone&#x27;s own SEP0011223344AA\.cnf\.xml/);
    expect(render(created('SCCP 8.1(2)', 'SIP 8.12'), 'ja')).toMatch(/proxy1_address, line1_name \(プロキシーと回線の設定\)|proxy1_address、line1_name \(プロキシーと回線の設定\)/);
  });

  it('never shows passwords', () => {
    const html = render(created('SCCP 3.1', 'SIP 8.12', { line1_password: 'hunter2', phone_password: 'letmein' }));
    expect(html).not.toContain('hunter2');
    expect(html).not.toContain('letmein');
    expect(html).toContain('Passwords are hidden here.');
  });

  it('an unknown start reads as unknown, not as a made-up release', () => {
    const to = parseFirmwareLabel('SIP 8.12');
    if (to === undefined) throw new Error('label');
    const r = planMigration({ model: '7960', mac: '0011223344AA', from: 'unknown', to, context: 'bench' });
    if (!r.ok) throw new Error(formatMessage('en', r.reason));
    const html = render({ from: 'unknown', to, plan: r.plan });
    expect(html).toContain('Hop 1: unknown firmware to SIP 8.12');
  });

  it('speaks Japanese, the planner warnings and checklists included', () => {
    const html = render(created('SCCP 3.1', 'SIP 8.12'), 'ja');
    expect(html).toContain('段階 1: SCCP 3.1 から SIP 8.12 へ');
    expect(html).toContain('TFTP ルートに置くファイル');
    expect(html).toContain('この電話機だけに配信してください');
    expect(html).toContain('電話機をリセット');
    expect(html).not.toContain('Serve only this phone');
    expect(html).not.toContain('Reset the phone');
  });

  it('keeps the provenance label and the inferred reason visible', () => {
    const html = render(created('SCCP 4.1', 'SIP 8.12'), 'ja');
    expect(html).toContain('provenance-inferred');
    expect(html).toContain('SCCP 4.x からの移行を扱う資料はありません');
  });

  it('the catalogue names every path and source in both languages', () => {
    for (const lang of ['en', 'ja'] as const) {
      for (const p of PATH_IDS) expect(messages[lang][`plan.path.${p}`], `${lang} ${p}`).toBeTruthy();
      for (const s of ['doc', 'cisco', 'field', 'inferred'] as const) expect(messages[lang][`plan.source.${s}`], `${lang} ${s}`).toBeTruthy();
    }
  });
});
