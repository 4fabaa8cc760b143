import { useState, type FormEvent } from 'react';
import type { TftpInterface } from '../../../../shared/api/tftp';
import { useI18n } from '../../i18n/i18n';

/** Four numbers 0-255 with dots, as the phone shows its address. */
export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export interface StartValues {
  address: string;
  port: number;
  root: string;
  phone: string;
  allowAll: boolean;
  uploadDir: string;
}

/** Address (from this machine's IPv4 interfaces), port, TFTP root, and the phone the server answers. */
export function StartForm({
  interfaces,
  busy,
  initial,
  onStart,
}: {
  interfaces: TftpInterface[];
  busy: boolean;
  initial: Partial<StartValues>;
  onStart: (values: StartValues) => void;
}) {
  const { t } = useI18n();
  // Never preselected: a live network's interface must be chosen on purpose (the last choice is kept).
  const [address, setAddress] = useState(initial.address ?? '');
  const [port, setPort] = useState(String(initial.port ?? 69));
  const [root, setRoot] = useState(initial.root ?? '');
  const [phone, setPhone] = useState(initial.phone ?? '');
  const [allowAll, setAllowAll] = useState(initial.allowAll ?? false);
  const [uploadDir, setUploadDir] = useState(initial.uploadDir ?? '');

  const phoneProblem = !allowAll && phone.trim() !== '' && !isIpv4(phone.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (address === '' || phoneProblem) return;
    onStart({ address, port: Number(port), root: root.trim(), phone: phone.trim(), allowAll, uploadDir: uploadDir.trim() });
  };

  return (
    <form onSubmit={submit} className="tftp-form" data-testid="tftp-start-form">
      <fieldset className="tftp-addresses" data-testid="tftp-address">
        <legend>{t('tftp.form.address')}</legend>
        {interfaces.map((i) => (
          <label key={`${i.name}-${i.address}`} className="check">
            <input type="radio" name="tftp-address" value={i.address} checked={address === i.address} onChange={() => setAddress(i.address)} />{' '}
            <span>
              <code>{i.address}</code> ({i.name}
              {i.internal ? `, ${t('tftp.form.loopback')}` : ''})
            </span>
          </label>
        ))}
        {address === '' ? <p className="fix">{t('tftp.form.address.pick')}</p> : null}
      </fieldset>
      <label>
        {t('tftp.form.port')}
        <input type="number" min={0} max={65535} value={port} onChange={(e) => setPort(e.target.value)} data-testid="tftp-port" />
      </label>
      <label>
        {t('tftp.form.root')}
        <input type="text" value={root} onChange={(e) => setRoot(e.target.value)} required data-testid="tftp-root" />
      </label>
      <label>
        {t('tftp.form.phone')}
        <input
          type="text"
          inputMode="decimal"
          value={phone}
          disabled={allowAll}
          onChange={(e) => setPhone(e.target.value)}
          placeholder="10.1.1.20"
          aria-invalid={phoneProblem}
          data-testid="tftp-phone"
        />
        {phoneProblem ? (
          <span role="alert" className="error" data-testid="tftp-phone-problem">
            {t('tftp.form.phone.bad', { value: phone.trim() })} {t('tftp.form.phone.fix')}
          </span>
        ) : null}
      </label>
      <label className="check">
        <input type="checkbox" checked={allowAll} onChange={(e) => setAllowAll(e.target.checked)} data-testid="tftp-allow-all" />{' '}
        {t('tftp.form.allowAll')}
      </label>
      <label>
        {t('tftp.form.upload')}
        <input type="text" value={uploadDir} onChange={(e) => setUploadDir(e.target.value)} placeholder={t('tftp.form.uploadOff')} />
      </label>
      <button type="submit" disabled={busy || root.trim() === '' || address === '' || phoneProblem} data-testid="tftp-start">
        {t('tftp.start')}
      </button>
    </form>
  );
}
