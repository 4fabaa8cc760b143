import type { MigrateReport, MigrationStatus, TimelineEntry } from '../../../shared/api/migrate';
import { formatMessage } from '../../../shared/i18n/format';
import type { Message } from '../../../shared/i18n/message';
import type { RefusedRecord } from './refused-log';
import type { MigrationRunner, ServedRecord } from './runner';

export interface ReportData {
  generatedAt: string;
  appVersion: string;
  status: MigrationStatus;
  served: ServedRecord[];
  refused: RefusedRecord[];
  timeline: ReportTimelineEntry[];
  configs: { name: string; content: string }[];
  consoleLog: string;
}

/** The report is a file in English: each timeline entry keeps its message and says it as `text`. */
export type ReportTimelineEntry = TimelineEntry & { text: string };

function en(message: Message | undefined): string {
  return message === undefined ? '' : formatMessage('en', message);
}

export function collectReport(runner: MigrationRunner, appVersion: string, now = new Date()): ReportData {
  return {
    generatedAt: now.toISOString(),
    appVersion,
    status: runner.status(),
    served: runner.servedRecords(),
    refused: runner.refusedRecords(),
    timeline: runner.timeline().map((e) => ({ ...e, text: runner.mask(en(e.message)) })),
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
  const row = (cells: (string | number | undefined)[]) => `<tr>${cells.map((c) => `<td>${esc(String(c ?? ''))}</td>`).join('')}</tr>`;
  const head = (cells: string[]) => `<tr>${cells.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr>`;
  const outcome = s.state === 'succeeded' ? 'Succeeded' : s.state === 'failed' ? 'Failed' : s.state === 'stopped' ? 'Stopped' : `In progress (${s.state})`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Phonebench migration report: ${esc(s.mac)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px;text-align:left;vertical-align:top}code,pre{font:12px ui-monospace,monospace}pre{background:#f4f4f4;padding:1em;white-space:pre-wrap}.ok{color:#060}.bad{color:#a00}</style>
</head><body>
<h1>Migration report: phone ${esc(s.mac)} (${esc(s.model)})</h1>
<p class="${s.state === 'succeeded' ? 'ok' : 'bad'}"><strong>${esc(outcome)}</strong>${s.message ? `: ${esc(en(s.message))}` : ''}${s.fix ? ` Fix: ${esc(en(s.fix))}` : ''}</p>
<table>
${row(['From', s.from])}${row(['To', s.to])}${row(['Firmware bundle', s.bundleId])}
${row(['Phone IP', s.phoneIp ? `${s.phoneIp} (${s.phoneIpSource ?? ''})` : 'not known'])}
${row(['TFTP server', `${s.bind.address}:${s.bind.port}`])}${row(['Started', s.startedAt])}${row(['Ended', s.endedAt ?? ''])}
${row(['Virtual phone (demo)', s.demo ? 'yes' : 'no'])}${row(['Phonebench', d.appVersion])}${row(['Report generated', d.generatedAt])}
</table>
<h2>Plan</h2>
<table>${head(['Hop', 'What', 'State', 'Phone shows', 'Source'])}
${s.hops.map((h) => row([h.index + 1, en(h.title), h.state, h.phoneShows.map(en).join(' / '), en(h.provenance)])).join('\n')}
</table>
${s.incompleteBundle ? '<p class="bad">The chosen firmware bundle is incomplete: it lacks files its kind usually holds (see the Firmware page).</p>' : ''}
${s.borrowed?.length ? `<h2>Files from other bundles</h2><table>${head(['File', 'From bundle', 'Bundle id'])}\n${s.borrowed.map((b) => row([b.file, b.bundleName, b.bundleId])).join('\n')}</table>` : ''}
${s.warnings.length ? `<h2>Warnings</h2><ul>${s.warnings.map((w) => `<li>${esc(en(w))}</li>`).join('')}</ul>` : ''}
<h2>Files served</h2>
<table>${head(['Time', 'File', 'Asked as', 'To', 'Bytes', 'Seconds', 'SHA-256', 'Kind', 'Hop'])}
${d.served.map((r) => row([r.at, r.file, r.requested, r.client, r.bytes, (r.durationMs / 1000).toFixed(2), r.sha256, r.origin, r.hop + 1])).join('\n')}
</table>
<h2>Refused requests</h2>
${d.refused.length ? `<table>${head(['First seen', 'From', 'Asked for', 'Why', 'Times'])}\n${d.refused.map((r) => row([r.at, r.client, r.file, r.reason, r.count])).join('\n')}</table>` : '<p>None.</p>'}
<h2>Timeline</h2>
<table>${head(['Time', 'Kind', 'What', 'Fix'])}
${d.timeline.map((e) => row([e.at, e.kind, e.text, en(e.fix)])).join('\n')}
</table>
<h2>Configuration files served (passwords masked)</h2>
${d.configs.map((c) => `<h3><code>${esc(c.name)}</code></h3><pre>${esc(c.content)}</pre>`).join('\n') || '<p>None.</p>'}
<h2>Console log (passwords masked)</h2>
${d.consoleLog ? `<pre>${esc(d.consoleLog)}</pre>` : '<p>No console was attached.</p>'}
</body></html>
`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
