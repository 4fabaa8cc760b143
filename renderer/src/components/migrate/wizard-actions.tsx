import { useI18n } from '../../i18n/i18n';
import { previousStep, nextStep, type WizardStep } from './wizard-state';

/**
 * The step buttons stay on screen however long a step is (1366x768 laptops): fixed to the bottom of the window,
 * beside the 12rem sidebar; `.content` scrolls with the page, so sticky would not hold.
 */
const ACTIONS_STYLE = {
  display: 'flex',
  gap: '0.5rem',
  position: 'fixed',
  left: '12rem',
  right: 0,
  bottom: 0,
  margin: 0,
  padding: '0.6rem 1.5rem',
  background: 'var(--bg)',
  borderTop: '1px solid var(--line)',
  zIndex: 2,
} as const;

interface Props {
  step: WizardStep;
  canGoOn: boolean;
  /** A run started on the Migrate step and not finished: Back would leave it behind. */
  runLive: boolean;
  go: (step: WizardStep) => void;
}

/** Previous / Next at the bottom of the window. */
export function WizardActions({ step, canGoOn, runLive, go }: Props) {
  const { t } = useI18n();
  return (
    <p className="wizard-actions" data-testid="migrate-actions" style={ACTIONS_STYLE}>
      {step !== 'phone' && step !== 'report' ? (
        <button type="button" onClick={() => go(previousStep(step))} disabled={runLive}>
          {t('migrate.back')}
        </button>
      ) : null}
      {step !== 'report' && step !== 'migrate' ? (
        <button type="button" className="primary" onClick={() => go(nextStep(step))} disabled={!canGoOn}>
          {t('migrate.next')}
        </button>
      ) : null}
      {step === 'migrate' && canGoOn ? (
        <button type="button" className="primary" onClick={() => go('report')}>
          {t('migrate.next')}
        </button>
      ) : null}
    </p>
  );
}
