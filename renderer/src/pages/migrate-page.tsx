import { useI18n } from '../i18n/i18n';

/** Placeholder until the migrate page lands (owned by the migrate domain). */
export function MigratePage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('app.nav.migrate')}</h1>
    </section>
  );
}
