import type { MigrationStatus } from '../../../../shared/api/migrate';
import { useI18n } from '../../i18n/i18n';

/** A real phone's run that ended well: said as success, with what the technician does next. */
export function SuccessPanel({ status, onNextPhone }: { status: MigrationStatus; onNextPhone: () => void }) {
  const { t } = useI18n();
  const sip = status.to.startsWith('SIP');
  return (
    <section className="success-panel" role="status" aria-labelledby="migrate-success-heading" data-testid="migrate-success">
      <h2 id="migrate-success-heading">{t('bench.success.heading', { to: status.to })}</h2>
      <h3>{t('bench.success.next')}</h3>
      <ul>
        <li data-testid="migrate-success-line">{t(sip ? 'bench.success.sip' : 'bench.success.sccp', { mac: status.mac })}</li>
        <li>{t('bench.success.unplug')}</li>
      </ul>
      <p>
        <button type="button" className="primary" data-testid="migrate-next-phone" onClick={onNextPhone}>
          {t('bench.next')}
        </button>
      </p>
    </section>
  );
}
