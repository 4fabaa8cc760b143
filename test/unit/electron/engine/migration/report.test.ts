import { msg } from '../../../../../shared/i18n/message';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BundleSource } from '../../../../../electron/engine/migration/bundle-source';
import { collectReport, renderReport } from '../../../../../electron/engine/migration/report';
import { MigrationRunner } from '../../../../../electron/engine/migration/runner';

const dir = mkdtempSync(path.join(tmpdir(), 'pbreport-'));
writeFileSync(path.join(dir, 'P0S3-8-12-00.sb2'), 'img');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runner() {
  const r = new MigrationRunner({
    id: 'm', mac: '000E84C060A6', model: '7960', from: 'SCCP 8.1(2)', to: 'SIP 8.12', bundleId: 'b',
    bind: { address: '127.0.0.1', port: 69 }, phoneIp: '127.0.0.1',
    plan: {
      warnings: [],
      hops: [{
        title: msg('planner.hop.title', { from: '<b>hop</b>', to: 'SIP 8.12', path: 'F3' }), requiredFiles: ['P0S3-8-12-00.sb2'], aliases: [],
        configs: [{ name: 'SIP000E84C060A6.cnf', content: 'image_version: P0S3-8-12-00\nline1_password: "s3cret"\nphone_password: hunter2\n', scope: 'phone' }],
        expectedRequests: [], doneWhen: ['SIP000E84C060A6.cnf'], phoneShows: [], warnings: [], provenance: msg('migrate.provenance', { source: 'doc', section: '2' }),
      }],
    },
    bundle: new BundleSource([{ name: 'P0S3-8-12-00.sb2', path: path.join(dir, 'P0S3-8-12-00.sb2') }]),
    bundleHashes: new Map(),
  });
  r.attach({ setAllowlist: () => {} });
  r.onConsoleText('login: phone_password: hunter2\r\n<script>alert(1)</script>\r\n');
  return r;
}

describe('migration report', () => {
  it('masks every password, in configs, console and timeline', () => {
    const r = runner();
    for (const format of ['json', 'html'] as const) {
      const out = renderReport(collectReport(r, '0.1.0'), format);
      expect(out.content).not.toContain('s3cret');
      expect(out.content).not.toContain('hunter2');
      expect(out.fileName).toMatch(new RegExp(`^phonebench-000E84C060A6-.*\\.${format}$`));
    }
  });

  it('HTML is self-contained and escapes what the phone or plan wrote', () => {
    const html = renderReport(collectReport(runner(), '0.1.0'), 'html').content;
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;b&gt;hop&lt;/b&gt;');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  });

  it('JSON parses back with the served, refused and timeline sections', () => {
    const data = JSON.parse(renderReport(collectReport(runner(), '0.1.0'), 'json').content) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['status', 'served', 'refused', 'timeline', 'configs', 'consoleLog']));
  });

  it('says everything in the chosen language: Japanese words, dates and numbers; the phone texts kept as they are', () => {
    const r = runner();
    r.onConsoleText('SIP Phone> \r\n');
    const at = new Date('2026-12-04T09:15:02Z');
    const html = renderReport(collectReport(r, '0.1.0', at, 'ja'), 'html').content;
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('移行レポート: 電話機 000E84C060A6 (7960)');
    for (const words of ['移行元', '配信したファイル', '拒否した要求', 'タイムライン', '配信した設定ファイル (パスワードは伏せ字)']) expect(html).toContain(words);
    // Dates in the app's language (Intl, ja-JP), not an ISO stamp and not the machine's locale.
    expect(html).toMatch(/2026年12月4日 \d{1,2}:15:02/);
    expect(html).not.toContain('2026-12-04T09:15:02');
    // No English sentence outside what the phone and its files say (pre, code).
    const prose = html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<(pre|code)>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, '\n');
    const runs = [...prose.matchAll(/[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']+){2,}/g)].map((m) => m[0]);
    expect(runs).toEqual([]);
    // The English file is still English, with the same structure.
    const english = renderReport(collectReport(runner(), '0.1.0', at, 'en'), 'html').content;
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Files served');
    expect(english).toMatch(/4 Dec 2026, \d{2}:15:02/);
  });
});
