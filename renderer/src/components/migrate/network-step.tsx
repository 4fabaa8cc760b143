import { useEffect, useState } from 'react';
import type { KeypadStep, MigrateInterface } from '../../../../shared/api/migrate';
import type { AppError } from '../../../../shared/api/result';
import { useClient } from '../../api/client-context';
import { useI18n } from '../../i18n/i18n';
import { ErrorView } from '../error-view';
import { networkProblems, phoneIpRequiredFor, type Choices } from './wizard-state';

export function NetworkStep({ choices, set }: { choices: Choices; set: (patch: Partial<Choices>) => void }) {
  const { t, say } = useI18n();
  const client = useClient();
  const [nics, setNics] = useState<MigrateInterface[]>();
  const [keypad, setKeypad] = useState<KeypadStep[]>([]);
  const [error, setError] = useState<AppError>();
  const [portText, setPortText] = useState(String(choices.port));
  const problems = networkProblems(choices);
  const ipRequiredFor = phoneIpRequiredFor(choices);
  const ipMissing = ipRequiredFor !== undefined && choices.phoneIp === '';
  useEffect(() => {
    void client.request('migrate:interfaces', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setNics(r.value);
      // Only a cable that looks like a bench cable is chosen for the technician: never one called live.
      const bench = r.value.find((n) => n.warnings.length === 0 && !n.internal);
      if (!choices.bindAddress && bench) set({ bindAddress: bench.address });
    });
    // Only once per visit: the list is read when the step opens.
  }, [client]);
  useEffect(() => {
    if (!choices.bindAddress) return;
    const from = choices.listenFirst ? {} : { from: choices.from };
    void client.request('migrate:keypad', { address: choices.bindAddress, ...from }).then((r) => {
      if (r.ok) setKeypad(r.value);
    });
  }, [client, choices.bindAddress, choices.from, choices.listenFirst]);
  const chosen = nics?.find((n) => n.address === choices.bindAddress);
  return (
    <>
      <fieldset>
        <legend>{t('migrate.network.heading')}</legend>
        {error ? <ErrorView error={error} /> : null}
        {nics?.length === 0 ? <p>{t('migrate.network.none')}</p> : null}
        {nics && nics.length > 0 && !choices.bindAddress ? (
          <p className="fix" data-testid="migrate-nic-pick">
            {t('migrate.network.pick')}
          </p>
        ) : null}
        {nics?.map((n) => (
          <label key={`${n.name}-${n.address}`} style={{ flexDirection: 'row', alignItems: 'center', gap: '0.5rem' }}>
            <input type="radio" name="migrate-nic" value={n.address} checked={choices.bindAddress === n.address} onChange={() => set({ bindAddress: n.address })} />
            {t('migrate.network.iface', { name: n.name, address: n.address })}
            {n.warnings.length > 0 ? <span className="badge warn">{t('migrate.network.live')}</span> : null}
          </label>
        ))}
        {chosen && chosen.warnings.length > 0 ? (
          <div role="alert" className="notice">
            {chosen.warnings.map((w, i) => (
              <p key={i}>{say(w)}</p>
            ))}
          </div>
        ) : null}
        <label>
          {t('migrate.network.port')}
          <input
            inputMode="numeric"
            value={portText}
            data-testid="migrate-port"
            aria-invalid={problems.includes('port')}
            aria-describedby="migrate-port-help"
            onChange={(e) => {
              setPortText(e.target.value);
              const text = e.target.value.trim();
              set({ port: /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN });
            }}
          />
        </label>
        <p id="migrate-port-help" className={problems.includes('port') ? 'fix invalid' : 'fix'} role={problems.includes('port') ? 'alert' : undefined}>
          {problems.includes('port') ? t('migrate.network.port.bad') : t('migrate.network.port.help')}
        </p>
        <label>
          {ipRequiredFor ? t('migrate.network.phoneIp.requiredLabel', { firmware: ipRequiredFor }) : t('migrate.network.phoneIp')}
          <input
            value={choices.phoneIp}
            placeholder="192.168.1.50"
            data-testid="migrate-phone-ip"
            required={ipRequiredFor !== undefined}
            aria-required={ipRequiredFor !== undefined}
            aria-invalid={problems.includes('phoneIp')}
            aria-describedby="migrate-phone-ip-help"
            onChange={(e) => set({ phoneIp: e.target.value.trim() })}
          />
        </label>
        <p id="migrate-phone-ip-help" className={problems.includes('phoneIp') ? 'fix invalid' : 'fix'} role={problems.includes('phoneIp') ? 'alert' : undefined}>
          {ipMissing
            ? t('migrate.network.phoneIp.required', { firmware: ipRequiredFor })
            : problems.includes('phoneIp')
              ? t('migrate.network.ip.bad', { value: choices.phoneIp })
              : t('migrate.network.phoneIp.help')}
        </p>
        <label style={{ flexDirection: 'row', alignItems: 'center', gap: '0.5rem' }}>
          <input type="checkbox" checked={choices.dhcp} onChange={(e) => set({ dhcp: e.target.checked })} />
          {t('migrate.network.dhcp')}
        </label>
        {choices.dhcp ? (
          <label>
            {t('migrate.network.dhcp.offer')}
            <input value={choices.dhcpOffer} aria-invalid={problems.includes('dhcpOffer')} onChange={(e) => set({ dhcpOffer: e.target.value.trim() })} />
          </label>
        ) : null}
        {choices.dhcp && problems.includes('dhcpOffer') ? (
          <p className="fix invalid" role="alert">
            {t('migrate.network.ip.bad', { value: choices.dhcpOffer })}
          </p>
        ) : null}
        <p className="fix">{t('migrate.network.dhcp.help')}</p>
      </fieldset>
      {keypad.length > 0 ? (
        <section aria-labelledby="migrate-keypad-heading">
          <h2 id="migrate-keypad-heading">{t('migrate.network.keypad')}</h2>
          <ol data-testid="migrate-keypad">
            {keypad.map((k) => (
              <li key={k.text.key}>{k.value ? <strong>{say(k.text)}</strong> : say(k.text)}</li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
