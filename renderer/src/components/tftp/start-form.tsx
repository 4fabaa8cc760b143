import { useState, type FormEvent } from 'react';
import type { TftpInterface } from '../../../../shared/api/tftp';
import { useI18n } from '../../i18n/i18n';

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
  const [address, setAddress] = useState(initial.address ?? interfaces.find((i) => !i.internal)?.address ?? '127.0.0.1');
  const [port, setPort] = useState(String(initial.port ?? 69));
  const [root, setRoot] = useState(initial.root ?? '');
  const [phone, setPhone] = useState(initial.phone ?? '');
  const [allowAll, setAllowAll] = useState(initial.allowAll ?? false);
  const [uploadDir, setUploadDir] = useState(initial.uploadDir ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onStart({ address, port: Number(port), root: root.trim(), phone: phone.trim(), allowAll, uploadDir: uploadDir.trim() });
  };

  return (
    <form onSubmit={submit} className="tftp-form" data-testid="tftp-start-form">
      <label>
        {t('tftp.form.address')}
        <select value={address} onChange={(e) => setAddress(e.target.value)} data-testid="tftp-address">
          {interfaces.map((i) => (
            <option key={`${i.name}-${i.address}`} value={i.address}>
              {i.address} ({i.name}
              {i.internal ? `, ${t('tftp.form.loopback')}` : ''})
            </option>
          ))}
        </select>
      </label>
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
          data-testid="tftp-phone"
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={allowAll} onChange={(e) => setAllowAll(e.target.checked)} data-testid="tftp-allow-all" />{' '}
        {t('tftp.form.allowAll')}
      </label>
      <label>
        {t('tftp.form.upload')}
        <input type="text" value={uploadDir} onChange={(e) => setUploadDir(e.target.value)} placeholder={t('tftp.form.uploadOff')} />
      </label>
      <button type="submit" disabled={busy || root.trim() === ''} data-testid="tftp-start">
        {t('tftp.start')}
      </button>
    </form>
  );
}
