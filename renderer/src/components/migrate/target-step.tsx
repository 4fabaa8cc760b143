import { useEffect, useState } from 'react';
import type { BundleSummary } from '../../../../shared/api/firmware';
import type { AppError } from '../../../../shared/api/result';
import { useClient } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { ErrorView } from '../error-view';
import type { Choices } from './wizard-state';

export function TargetStep({ choices, set }: { choices: Choices; set: (patch: Partial<Choices>) => void }) {
  const { t } = useI18n();
  const client = useClient();
  const [bundles, setBundles] = useState<BundleSummary[]>();
  const [error, setError] = useState<AppError>();
  useEffect(() => {
    void client.request('firmware:list', {}).then((r) => (r.ok ? setBundles(r.value) : setError(r.error)));
  }, [client]);
  return (
    <fieldset>
      <legend>{t('migrate.target.heading')}</legend>
      {error ? <ErrorView error={error} /> : null}
      {bundles?.length === 0 ? <p>{t('migrate.target.none')}</p> : null}
      {bundles?.map((b) => (
        <label key={b.id} style={{ flexDirection: 'row', alignItems: 'center', gap: '0.5rem' }}>
          <input type="radio" name="migrate-bundle" value={b.id} checked={choices.bundleId === b.id} onChange={() => set({ bundleId: b.id })} />
          {t('migrate.target.bundle', { version: b.versionLabel ?? t('migrate.target.unknown'), source: b.sourceName })}
          {b.complete ? null : <span className="badge warn">{t('migrate.target.incomplete')}</span>}
        </label>
      ))}
    </fieldset>
  );
}
