import { useI18n } from '../i18n/i18n';

/** Placeholder until the tftp page lands (owned by the tftp domain). */
export function TftpPage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('app.nav.tftp')}</h1>
    </section>
  );
}
