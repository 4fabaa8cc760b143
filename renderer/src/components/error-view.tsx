import type { AppError } from '../../../shared/api/result';
import { formatMessage } from '../../../shared/i18n/format';
import { useI18n } from '../i18n/i18n';

/** An engine error as a technician reads it: what happened, then what to do. */
export function ErrorView({ error }: { error: AppError }) {
  const { t, language } = useI18n();
  return (
    <div role="alert" className="error">
      <p>{t('app.error', { message: formatMessage(language, error.message) })}</p>
      {error.fix ? <p className="fix">{t('app.fix', { fix: formatMessage(language, error.fix) })}</p> : null}
    </div>
  );
}
