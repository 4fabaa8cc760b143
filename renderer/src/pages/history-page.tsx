import { useCallback, useEffect, useState } from 'react';
import type { HistoryDay, HistoryList, HistoryRecord, HistorySummary } from '../../../shared/api/history';
import type { AppError } from '../../../shared/api/result';
import { useClient, useEvent } from '../api/client-context';
import { ErrorView } from '../components/error-view';
import { useSnapshot } from '../hooks/use-snapshot';
import { useI18n } from '../i18n/i18n';

interface HistoryView {
  summary?: HistorySummary;
  list?: HistoryList;
  error?: AppError;
}

/** The day's record: every run of a day, the day's summary, and one zip of its reports. */
export function HistoryPage() {
  const client = useClient();
  const { t, say, language } = useI18n();
  /** undefined: the newest day with runs. */
  const [chosen, setChosen] = useState<string>();
  const [download, setDownload] = useState<{ text: string } | { error: AppError }>();

  const view = useSnapshot<HistoryView>(
    {},
    async (c) => {
      const summary = await c.request('history:summary', {});
      if (!summary.ok) return { error: summary.error };
      const day = chosen ?? summary.value.days[0]?.day;
      const list = await c.request('history:list', day === undefined ? {} : { day });
      if (!list.ok) return { error: list.error };
      return { summary: summary.value, list: list.value };
    },
    [],
  );
  const { reread } = view;
  // Another day chosen: read that day's runs.
  useEffect(() => {
    if (chosen !== undefined) void reread();
  }, [chosen, reread]);
  // A run that ends while the page is open appears at once (summary and table both change).
  useEvent('history:record', () => void reread());

  const pick = useCallback((day: string) => {
    setChosen(day);
    setDownload(undefined);
  }, []);
  const days = view.value.summary?.days ?? [];
  const day = chosen ?? days[0]?.day ?? '';
  const shownDay = days.find((d) => d.day === day);

  const downloadDay = async () => {
    const r = await client.request('history:zip', { day });
    if (!r.ok) {
      setDownload({ error: r.error });
      return;
    }
    const bytes = Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    const vars = { file: r.value.fileName, reports: r.value.reports, missing: r.value.missing };
    setDownload({ text: t(r.value.missing > 0 ? 'history.downloadedMissing' : 'history.downloaded', vars) });
  };

  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const records = view.value.list?.records ?? [];
  const corrupt = view.value.summary?.corrupt ?? 0;

  return (
    <section aria-labelledby="history-heading" data-testid="history-page">
      <h1 id="history-heading">{t('history.heading')}</h1>
      <p>{t('history.intro')}</p>
      {view.value.error ? <ErrorView error={view.value.error} /> : null}
      {corrupt > 0 ? (
        <p role="status" className="notice" data-testid="history-corrupt">
          {t('history.corrupt', { count: corrupt })}
        </p>
      ) : null}
      {days.length === 0 && view.value.summary ? <p data-testid="history-empty">{t('history.none')}</p> : null}
      {days.length > 0 ? (
        <>
          <label>
            {t('history.day')}
            <select value={day} onChange={(e) => pick(e.target.value)} data-testid="history-day">
              {days.map((d) => (
                <option key={d.day} value={d.day}>
                  {d.day}
                </option>
              ))}
            </select>
          </label>
          {shownDay ? <DaySummary day={shownDay} /> : null}
          <p>
            <button type="button" className="primary" onClick={() => void downloadDay()} data-testid="history-download">
              {t('history.download')}
            </button>
          </p>
          {download && 'text' in download ? (
            <p role="status" data-testid="history-downloaded">
              {download.text}
            </p>
          ) : null}
          {download && 'error' in download ? <ErrorView error={download.error} /> : null}
          <table data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">{t('history.col.started')}</th>
                <th scope="col">{t('history.col.phone')}</th>
                <th scope="col">{t('history.col.model')}</th>
                <th scope="col">{t('history.col.fromTo')}</th>
                <th scope="col">{t('history.col.result')}</th>
                <th scope="col">{t('history.col.why')}</th>
                <th scope="col">{t('history.col.duration')}</th>
                <th scope="col">{t('history.col.report')}</th>
              </tr>
            </thead>
            <tbody>
              {[...records].reverse().map((r) => (
                <RunRow key={r.id + r.startedAt} record={r} time={time.format(new Date(r.startedAt))} say={say} t={t} />
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function DaySummary({ day }: { day: HistoryDay }) {
  const { t, say } = useI18n();
  return (
    <div data-testid="history-summary">
      <p>
        <strong>{t('history.summary', { done: day.succeeded, failed: day.failed, stopped: day.stopped, runs: day.runs })}</strong>
      </p>
      {day.reasons.length > 0 ? (
        <>
          <h2>{t('history.reasons')}</h2>
          <ul data-testid="history-reasons">
            {day.reasons.map((r) => (
              <li key={r.code}>
                {t('history.reasonCount', { count: r.count })} {r.reason ? say(r.reason) : r.code}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function RunRow({ record: r, time, say, t }: { record: HistoryRecord; time: string; say: ReturnType<typeof useI18n>['say']; t: ReturnType<typeof useI18n>['t'] }) {
  const badge = r.result === 'succeeded' ? 'ok' : r.result === 'failed' ? 'bad' : 'warn';
  return (
    <tr data-testid="history-row" data-result={r.result}>
      <td>{time}</td>
      <td>
        <code>{r.mac}</code>
      </td>
      <td>{r.model}</td>
      <td>
        {r.from} → {r.to}
        {r.demo ? <span className="fix"> ({t('history.demo')})</span> : null}
      </td>
      <td>
        <span className={`badge ${badge}`}>{t(`history.result.${r.result}`)}</span>
      </td>
      <td>{r.result !== 'succeeded' && r.reason ? say(r.reason) : ''}</td>
      <td>{duration(r.durationMs)}</td>
      <td>{r.reportFile ? <code>{r.reportFile}</code> : <span className="fix">{t('history.noReport')}</span>}</td>
    </tr>
  );
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
