import { useState } from 'react';
import type { PlanChoice } from '../../../../shared/cisco/planner/plan-types';
import { formatMessage } from '../../../../shared/i18n/format';
import { useI18n } from '../../i18n/i18n';

/**
 * The plan needs a load no source names exactly: the technician picks one of the library's loads that fit.
 * Nothing is preselected and nothing is made up; with no fitting load the technician is told what to import.
 */
export function LoadChooser({ choice, onChoose }: { choice: PlanChoice; onChoose: (load: string) => void }) {
  const { t, language } = useI18n();
  const [picked, setPicked] = useState<string>();
  const series = `${choice.protocol} ${choice.major}.x`;
  return (
    <section className="notice" data-testid="migrate-plan-choice" aria-labelledby="plan-choice-heading">
      <h2 id="plan-choice-heading">{t('plan.choice.heading', { series })}</h2>
      <p>{formatMessage(language, choice.reason)}</p>
      {choice.candidates.length === 0 ? (
        <p role="alert">{t('plan.choice.none', { series })}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (picked !== undefined) onChoose(picked);
          }}
        >
          <fieldset>
            <legend>{t('plan.choice.pick', { series })}</legend>
            {choice.candidates.map((id) => (
              <label key={id} className="radio">
                <input type="radio" name="plan-choice" value={id} checked={picked === id} onChange={() => setPicked(id)} />
                <code>{id}</code>
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={picked === undefined}>
            {t('plan.choice.use')}
          </button>
        </form>
      )}
    </section>
  );
}
