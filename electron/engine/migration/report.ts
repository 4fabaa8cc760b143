import type { Language } from '../../../shared/api/app';
import type { MigrateReport, MigrationStatus, TimelineEntry } from '../../../shared/api/migrate';
import type { MessageKey } from '../../../shared/i18n/catalog';
import { formatMessage } from '../../../shared/i18n/format';
import { formatDateTime, formatNumber } from '../../../shared/i18n/format-date';
import { msg, type Message, type MessageParam } from '../../../shared/i18n/message';
import type { RefusedRecord } from './refused-log';
import type { MigrationRunner, ServedRecord } from './runner';

export interface ReportData {
  generatedAt: string;
  appVersion: string;
  /** The language the report's words are in (the one the technician chose). */
  language: Language;
  status: MigrationStatus;
  served: ServedRecord[];
  refused: RefusedRecord[];
  timeline: ReportTimelineEntry[];
  configs: { name: string; content: string }[];
  consoleLog: string;
}

/** Each timeline entry keeps its message and says it (passwords masked) as `text` in the report's language. */
export type ReportTimelineEntry = TimelineEntry & { text: string };

export function collectReport(runner: MigrationRunner, appVersion: string, now = new Date(), language: Language = 'en'): ReportData {
  return {
    generatedAt: now.toISOString(),
    appVersion,
    language,
    status: runner.status(),
    served: runner.servedRecords(),
    refused: runner.refusedRecords(),
    timeline: runner.timeline().map((e) => ({ ...e, text: runner.mask(formatMessage(language, e.message)) })),
    configs: runner.configsServed(),
    consoleLog: runner.consoleLog(),
  };
}

/** The report as a file: JSON for tools, one self-contained HTML page (no scripts, no remote assets) for people. */
export function renderReport(data: ReportData, format: 'json' | 'html'): MigrateReport {
  const stamp = data.generatedAt.replace(/[:.]/g, '-').slice(0, 19);
  const base = `phonebench-${data.status.mac}-${stamp}`;
  if (format === 'json') return { format, fileName: `${base}.json`, content: `${JSON.stringify(data, null, 2)}\n` };
  return { format, fileName: `${base}.html`, content: renderHtml(data) };
}

function renderHtml(d: ReportData): string {
  const s = d.status;
  const lang = d.language;
  const say = (m: Message | undefined): string => (m === undefined ? '' : formatMessage(lang, m));
  // Keys built from a closed union (state, kind, origin) are catalogue keys; the catalogue test checks each.
  const t = (key: string, params?: Record<string, MessageParam>): string => say(msg(key as MessageKey, params));
  const when = (iso: string | undefined): string => (iso ? formatDateTime(lang, iso) : '');
  const num = (n: number, fraction?: number): string => formatNumber(lang, n, fraction);
  const row = (cells: (string | number | undefined)[]) => `<tr>${cells.map((c) => `<td>${esc(String(c ?? ''))}</td>`).join('')}</tr>`;
  const head = (keys: string[]) => `<tr>${keys.map((k) => `<th scope="col">${esc(t(`report.col.${k}`))}</th>`).join('')}</tr>`;
  const field = (key: string, value: string) => row([t(`report.field.${key}`), value]);
  const ip = s.phoneIp ? `${s.phoneIp}${s.phoneIpSource ? ` (${t(`report.ipSource.${s.phoneIpSource}`)})` : ''}` : t('report.phoneIp.unknown');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(t('report.title', { mac: s.mac }))}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px;text-align:left;vertical-align:top}code,pre{font:12px ui-monospace,monospace}pre{background:#f4f4f4;padding:1em;white-space:pre-wrap}.ok{color:#060}.bad{color:#a00}</style>
</head><body>
<h1>${esc(t('report.heading', { mac: s.mac, model: s.model }))}</h1>
<p class="${s.state === 'succeeded' ? 'ok' : 'bad'}" data-state="${esc(s.state)}"><strong>${esc(t(`report.state.${s.state}`))}</strong>${s.message ? `: ${esc(say(s.message))}` : ''}${s.fix ? ` ${esc(t('report.fix', { fix: say(s.fix) }))}` : ''}</p>
<table>
${field('from', s.from)}${field('to', s.to)}${field('bundle', s.bundleId)}
${field('phoneIp', ip)}
${field('tftp', `${s.bind.address}:${s.bind.port}`)}${field('started', when(s.startedAt))}${field('ended', when(s.endedAt))}
${field('demo', t(s.demo ? 'report.yes' : 'report.no'))}${field('version', d.appVersion)}${field('generated', when(d.generatedAt))}
</table>
<h2>${esc(t('report.plan'))}</h2>
<table>${head(['hop', 'what', 'state', 'phoneShows', 'source'])}
${s.hops.map((h) => row([num(h.index + 1), say(h.title), t(`report.hop.${h.state}`), h.phoneShows.map(say).join(' / '), say(h.provenance)])).join('\n')}
</table>
${s.incompleteBundle ? `<p class="bad">${esc(t('report.incomplete'))}</p>` : ''}
${s.borrowed?.length ? `<h2>${esc(t('report.borrowed'))}</h2><table>${head(['file', 'fromBundle', 'bundleId'])}\n${s.borrowed.map((b) => row([b.file, b.bundleName, b.bundleId])).join('\n')}</table>` : ''}
${s.warnings.length ? `<h2>${esc(t('report.warnings'))}</h2><ul>${s.warnings.map((w) => `<li>${esc(say(w))}</li>`).join('')}</ul>` : ''}
<h2>${esc(t('report.served'))}</h2>
<table>${head(['time', 'file', 'askedAs', 'to', 'bytes', 'seconds', 'sha256', 'kind', 'hop'])}
${d.served.map((r) => row([when(r.at), r.file, r.requested, r.client, num(r.bytes), num(r.durationMs / 1000, 2), r.sha256, t(`report.origin.${r.origin}`), num(r.hop + 1)])).join('\n')}
</table>
<h2>${esc(t('report.refused'))}</h2>
${d.refused.length ? `<table>${head(['firstSeen', 'from', 'askedFor', 'why', 'times'])}\n${d.refused.map((r) => row([when(r.at), r.client, r.file, r.said ? say(r.said) : r.reason, num(r.count)])).join('\n')}</table>` : `<p>${esc(t('report.none'))}</p>`}
<h2>${esc(t('report.timeline'))}</h2>
<table>${head(['time', 'kind', 'what', 'fix'])}
${d.timeline.map((e) => row([when(e.at), t(`report.kind.${e.kind}`), e.text, say(e.fix)])).join('\n')}
</table>
<h2>${esc(t('report.configs'))}</h2>
${d.configs.map((c) => `<h3><code>${esc(c.name)}</code></h3><pre>${esc(c.content)}</pre>`).join('\n') || `<p>${esc(t('report.none'))}</p>`}
<h2>${esc(t('report.console'))}</h2>
${d.consoleLog ? `<pre>${esc(d.consoleLog)}</pre>` : `<p>${esc(t('report.noConsole'))}</p>`}
</body></html>
`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
