import { ConsoleView } from '../components/console/console-view';
import { useI18n } from '../i18n/i18n';

/** The Console page: the console view with its heading. */
export function ConsolePage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="console-heading">
      <h1 id="console-heading">{t('console.heading')}</h1>
      <p className="fix">{t('console.intro')}</p>
      <ConsoleView />
    </section>
  );
}
