import type { AppError } from '../../../shared/api/result';
import { useI18n } from '../i18n/i18n';

/** An engine error as a technician reads it: what happened, then what to do. */
export function ErrorView({ error }: { error: AppError }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="error">
      <p>{t('app.error', { message: error.message })}</p>
      {error.fix ? <p className="fix">{t('app.fix', { fix: error.fix })}</p> : null}
    </div>
  );
}
