import { useI18n } from '../i18n/i18n';

/** Placeholder until the firmware page lands (owned by the firmware domain). */
export function FirmwarePage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('app.nav.firmware')}</h1>
    </section>
  );
}
