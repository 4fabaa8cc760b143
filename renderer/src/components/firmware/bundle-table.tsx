import { useState } from 'react';
import type { BundleSummary } from '../../../../shared/api/firmware';
import { formatDateTime } from '../../../../shared/i18n/format-date';
import { useI18n } from '../../i18n/i18n';

interface Props {
  bundles: BundleSummary[];
  selected: string | undefined;
  onSelect(id: string | undefined): void;
  onDelete(id: string): void;
}

/** The library: one row per bundle with its firmware, kind and completeness. */
export function BundleTable({ bundles, selected, onSelect, onDelete }: Props) {
  const { t, language } = useI18n();
  const [confirming, setConfirming] = useState<string>();
  if (bundles.length === 0) return <p data-testid="firmware-empty">{t('firmware.empty')}</p>;
  return (
    <table data-testid="firmware-list">
      <thead>
        <tr>
          <th>{t('firmware.col.version')}</th>
          <th>{t('firmware.col.kind')}</th>
          <th>{t('firmware.col.state')}</th>
          <th>{t('firmware.col.files')}</th>
          <th>{t('firmware.col.source')}</th>
          <th>{t('firmware.col.imported')}</th>
          <th>{t('firmware.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {bundles.map((b) => (
          <tr key={b.id} data-testid={`bundle-${b.id}`} aria-selected={selected === b.id}>
            <td>
              {b.protocol ? <span className={`badge protocol-${b.protocol.toLowerCase()}`}>{b.protocol}</span> : null}{' '}
              <strong>{b.versionLabel ?? t('firmware.unrecognised')}</strong>
            </td>
            <td>{t(`firmware.kind.${b.kind}`)}</td>
            <td>
              {b.complete ? (
                <span className="badge ok">{t('firmware.complete')}</span>
              ) : (
                <span className="badge warn">{t('firmware.incomplete', { count: b.issueCount })}</span>
              )}
            </td>
            <td>{b.fileCount}</td>
            <td>
              <code>{b.sourceName}</code>
            </td>
            <td>{formatDateTime(language, b.importedAt)}</td>
            <td className="actions">
              <button type="button" onClick={() => onSelect(selected === b.id ? undefined : b.id)}>
                {selected === b.id ? t('firmware.hide') : t('firmware.show')}
              </button>
              {confirming === b.id ? (
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    setConfirming(undefined);
                    onDelete(b.id);
                  }}
                >
                  {t('firmware.deleteConfirm')}
                </button>
              ) : (
                <button type="button" onClick={() => setConfirming(b.id)}>
                  {t('firmware.delete')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
