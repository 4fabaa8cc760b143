import { useState, type FormEvent } from 'react';
import type { BundleManifest } from '../../../../shared/api/firmware';
import type { AppError } from '../../../../shared/api/result';
import { useClient } from '../../api/client-context';
import { formatDateTime, formatNumber } from '../../../../shared/i18n/format-date';
import { useI18n } from '../../i18n/i18n';
import { ErrorView } from '../error-view';

/** One bundle: where it came from, what is missing, every file with its role and SHA-256, and export. */
export function BundleDetail({ manifest }: { manifest: BundleManifest }) {
  const { t, language } = useI18n();
  const client = useClient();
  const r = manifest.recognition;
  const [to, setTo] = useState('');
  const [exported, setExported] = useState<string>();
  const [error, setError] = useState<AppError>();

  const onExport = async (event: FormEvent) => {
    event.preventDefault();
    setExported(undefined);
    setError(undefined);
    const result = await client.request('firmware:export', { id: manifest.id, to: to.trim() });
    if (result.ok) {
      const v = result.value;
      setExported(t('firmware.detail.exported', { to: v.to, written: v.written.length, unchanged: v.unchanged.length }));
    } else setError(result.error);
  };

  const roleOf = (name: string): string => {
    const image = r.images.find((i) => i.file === name);
    if (!image) return r.configFiles.includes(name) ? t('firmware.role.config') : '';
    const role = t(`firmware.role.${image.role}`);
    const extra = image.loader ? t('firmware.role.loader') : (image.version ?? '');
    return extra ? `${role} — ${extra}` : role;
  };

  return (
    <section className="bundle-detail" data-testid="firmware-detail" aria-labelledby="bundle-detail-heading">
      <h2 id="bundle-detail-heading">
        {t('firmware.detail.heading', { label: r.versionLabel ?? t('firmware.unrecognised'), id: manifest.id })}
      </h2>
      <dl className="facts">
        <dt>{t('firmware.detail.kind')}</dt>
        <dd>{t(`firmware.kind.${r.kind}`)}</dd>
        {r.applicationId ? (
          <>
            <dt>{t('firmware.detail.application')}</dt>
            <dd>
              <code>{r.applicationId}</code>
            </dd>
          </>
        ) : null}
        <dt>{t('firmware.detail.source')}</dt>
        <dd>
          <code>{manifest.source.name}</code> ({manifest.source.format})
        </dd>
        <dt>{t('firmware.detail.sourceHash')}</dt>
        <dd>
          <code className="hash">{manifest.source.sha256}</code>
        </dd>
        <dt>{t('firmware.detail.imported')}</dt>
        <dd>{formatDateTime(language, manifest.importedAt)}</dd>
      </dl>
      <h3>{t('firmware.detail.issues')}</h3>
      {r.issues.length === 0 ? (
        <p className="badge ok">{t('firmware.detail.noIssues')}</p>
      ) : (
        <ul data-testid="firmware-issues">
          {r.issues.map((issue, index) => (
            <li key={index}>{t(`firmware.issue.${issue.code}`, { file: issue.file ?? '', image: issue.image ?? '' })}</li>
          ))}
        </ul>
      )}
      <h3>{t('firmware.detail.files')}</h3>
      <table data-testid="firmware-files">
        <thead>
          <tr>
            <th>{t('firmware.detail.name')}</th>
            <th>{t('firmware.detail.role')}</th>
            <th>{t('firmware.detail.size')}</th>
            <th>{t('firmware.detail.sha256')}</th>
          </tr>
        </thead>
        <tbody>
          {manifest.files.map((f) => (
            <tr key={f.name}>
              <td>
                <code>{f.name}</code>
              </td>
              <td>{roleOf(f.name)}</td>
              <td className="number">{formatNumber(language, f.size)}</td>
              <td>
                <code className="hash">{f.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {manifest.skipped.length > 0 ? (
        <>
          <h3>{t('firmware.detail.skipped')}</h3>
          <ul>
            {manifest.skipped.map((s) => (
              <li key={s.name}>
                <code>{s.name}</code> ({s.reason})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form onSubmit={(event) => void onExport(event)} className="path-import">
        <label>
          {t('firmware.detail.exportLabel')}
          <input type="text" value={to} onChange={(event) => setTo(event.target.value)} spellCheck={false} />
        </label>
        <button type="submit" disabled={to.trim() === ''}>
          {t('firmware.detail.export')}
        </button>
      </form>
      {exported ? <p role="status">{exported}</p> : null}
      {error ? <ErrorView error={error} /> : null}
    </section>
  );
}
