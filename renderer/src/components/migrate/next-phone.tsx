import { useEffect, useState } from 'react';
import type { BundleSummary } from '../../../../shared/api/firmware';
import { normalizeMac } from '../../../../shared/cisco/phone-files';
import { useClient } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { MacField } from './mac-field';
import type { Choices } from './wizard-state';

interface Props {
  choices: Choices;
  set: (patch: Partial<Choices>) => void;
  busy: boolean;
  onStart: () => void;
  /** Back to the full wizard with these settings. */
  onChange: () => void;
}

/** The next phone on the bench: the last phone's settings, shown, and one field for this phone's MAC. */
export function NextPhone({ choices, set, busy, onStart, onChange }: Props) {
  const { t } = useI18n();
  const client = useClient();
  const [bundle, setBundle] = useState<BundleSummary>();
  useEffect(() => {
    void client.request('firmware:list', {}).then((r) => r.ok && setBundle(r.value.find((b) => b.id === choices.bundleId)));
  }, [client, choices.bundleId]);
  const mac = normalizeMac(choices.mac);
  return (
    <section aria-labelledby="migrate-next-heading" data-testid="migrate-next">
      <h2 id="migrate-next-heading">{t('bench.next.heading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (mac && !busy) onStart();
        }}
      >
        <MacField value={choices.mac} onChange={(mac) => set({ mac })} helpId="migrate-next-mac-help" emptyHelp="bench.next.help" autoFocus />
        <p>
          <button type="submit" className="primary" disabled={!mac || busy}>
            {t('migrate.run.start')}
          </button>
        </p>
      </form>
      <h3>{t('bench.next.kept')}</h3>
      <dl className="facts" data-testid="migrate-next-kept">
        <dt>{t('bench.next.bundle')}</dt>
        <dd>{bundle ? t('migrate.target.bundle', { version: bundle.versionLabel ?? t('migrate.target.unknown'), source: bundle.sourceName }) : choices.bundleId}</dd>
        <dt>{t('bench.next.model')}</dt>
        <dd>{choices.model}</dd>
        <dt>{t('bench.next.from')}</dt>
        <dd>{choices.listenFirst ? t('migrate.phone.listen') : choices.from}</dd>
        <dt>{t('bench.next.interface')}</dt>
        <dd>
          {choices.bindAddress}:{choices.port}
        </dd>
        {choices.phoneIp ? (
          <>
            <dt>{t('bench.next.phoneIp')}</dt>
            <dd>{choices.phoneIp}</dd>
          </>
        ) : null}
        {choices.dhcp ? (
          <>
            <dt>{t('bench.next.dhcp')}</dt>
            <dd>{choices.dhcpOffer}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <button type="button" onClick={onChange}>
          {t('bench.next.change')}
        </button>
      </p>
    </section>
  );
}
