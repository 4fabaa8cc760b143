import { useI18n } from '../i18n/i18n';

/** Placeholder until the console page lands (owned by the console domain). */
export function ConsolePage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('app.nav.console')}</h1>
    </section>
  );
}
