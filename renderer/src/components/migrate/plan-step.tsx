import { useEffect, useState } from 'react';
import type { BorrowedFile, MigratePreview } from '../../../../shared/api/migrate';
import type { AppError } from '../../../../shared/api/result';
import { useClient } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { ErrorView } from '../error-view';
import { PlanView } from '../plan-view';
import { LoadChooser } from './load-chooser';
import type { Choices } from './wizard-state';

/** The plan before anything starts; a refused plan stops the wizard here with the reason. */
export function PlanStep({
  choices,
  onPreview,
  set,
}: {
  choices: Choices;
  onPreview: (p: MigratePreview | undefined) => void;
  set: (patch: Partial<Choices>) => void;
}) {
  const { t, say } = useI18n();
  const client = useClient();
  const [preview, setPreview] = useState<MigratePreview>();
  const [error, setError] = useState<AppError>();
  useEffect(() => {
    setPreview(undefined);
    onPreview(undefined);
    const from = choices.listenFirst ? {} : { from: choices.from };
    const via = choices.via.length > 0 ? { via: choices.via } : {};
    void client.request('migrate:preview', { mac: choices.mac, model: choices.model, bundleId: choices.bundleId, ...from, ...via }).then((r) => {
      if (!r.ok) return setError(r.error);
      setPreview(r.value);
      onPreview(r.value);
    });
  }, [client, choices.mac, choices.model, choices.bundleId, choices.from, choices.listenFirst, choices.via, onPreview]);
  if (error) return <ErrorView error={error} />;
  if (!preview) return <p role="status">{t('migrate.plan.loading')}</p>;
  if (!preview.ok && preview.choice) {
    // A load no source names exactly: the technician chooses one from the library, then the plan is made.
    return <LoadChooser choice={preview.choice} onChoose={(load) => set({ via: [...choices.via, load] })} />;
  }
  if (!preview.ok) {
    return (
      <div role="alert" className="error" data-testid="migrate-plan-refused">
        <p>
          <strong>{t('migrate.plan.refused')}</strong>: {say(preview.reason)}
        </p>
        {preview.fix ? <p className="fix">{t('migrate.run.fix', { fix: say(preview.fix) })}</p> : null}
      </div>
    );
  }
  const sources = <PlanSources preview={preview} />;
  if (preview.created) {
    return (
      <section data-testid="migrate-plan">
        {sources}
        <PlanView created={preview.created} />
      </section>
    );
  }
  return (
    <section aria-labelledby="migrate-plan-heading" data-testid="migrate-plan">
      <h2 id="migrate-plan-heading">
        {t('migrate.plan.heading')}: {preview.from} → {preview.to}
      </h2>
      {sources}
      {preview.listenFirst ? <p className="notice">{t('migrate.plan.listen')}</p> : null}
      {preview.warnings.map((w, i) => (
        <p key={i} className="notice">
          {say(w)}
        </p>
      ))}
      {preview.hops.map((h, i) => (
        <article key={i}>
          <h3>{t('migrate.plan.hop', { n: i + 1, title: say(h.title) })}</h3>
          <dl className="facts">
            <dt>{t('migrate.plan.files')}</dt>
            <dd>{h.requiredFiles.join(', ')}</dd>
            <dt>{t('migrate.plan.configs')}</dt>
            <dd>{h.configs.join(', ')}</dd>
            <dt>{t('migrate.plan.expects')}</dt>
            <dd>{h.expectedRequests.join(' → ')}</dd>
            <dt>{t('migrate.plan.shows')}</dt>
            <dd>{h.phoneShows.map(say).join(' / ')}</dd>
            <dt>{t('migrate.plan.source')}</dt>
            <dd>{say(h.provenance)}</dd>
          </dl>
          {h.warnings.map((w, j) => (
            <p key={j} className="notice">
              {say(w)}
            </p>
          ))}
        </article>
      ))}
    </section>
  );
}

/** Where the files come from: a warning for an incomplete bundle, and every file taken from another bundle. */
export function PlanSources({ preview }: { preview: { incompleteBundle?: boolean; bundleName?: string; borrowed?: BorrowedFile[] } }) {
  const { t } = useI18n();
  return (
    <>
      {preview.incompleteBundle ? (
        <p role="alert" className="notice" data-testid="migrate-plan-incomplete">
          {t('migrate.plan.incomplete', { bundle: preview.bundleName ?? '' })}
        </p>
      ) : null}
      {preview.borrowed && preview.borrowed.length > 0 ? (
        <div className="notice" data-testid="migrate-plan-borrowed">
          <p>{t('migrate.plan.borrowed')}</p>
          <ul>
            {preview.borrowed.map((b) => (
              <li key={b.file}>
                <code>{b.file}</code> {t('migrate.plan.borrowedFrom', { bundle: b.bundleName })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
