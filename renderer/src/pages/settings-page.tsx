import { useState, type FormEvent } from 'react';
import { LANGUAGES, type Language, type Settings } from '../../../shared/api/app';
import type { AppError } from '../../../shared/api/result';
import { useClient } from '../api/client-context';
import { ErrorView } from '../components/error-view';
import { useI18n } from '../i18n/i18n';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ja: '日本語' };

export function SettingsPage({ settings, onSaved }: { settings: Settings; onSaved: (next: Settings) => void }) {
  const client = useClient();
  const { t } = useI18n();
  const [tftp, setTftp] = useState(settings.tftp);
  const [error, setError] = useState<AppError>();
  const [saved, setSaved] = useState(false);

  const save = async (patch: Parameters<typeof client.request<'settings:update'>>[1]) => {
    const result = await client.request('settings:update', patch);
    if (result.ok) {
      setError(undefined);
      setSaved(true);
      onSaved(result.value);
    } else setError(result.error);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save({ tftp });
  };

  const numberField = (
    key: 'maxBlksize' | 'maxWindowsize' | 'timeoutSeconds' | 'retries' | 'maxTransfers' | 'maxTransfersPerClient',
    min: number,
    max: number,
  ) => (
    <label>
      {t(`app.settings.${key}`)}
      <input
        type="number"
        min={min}
        max={max}
        value={tftp[key]}
        onChange={(e) => setTftp({ ...tftp, [key]: Number(e.target.value) })}
      />
    </label>
  );

  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('app.settings.heading')}</h1>
      {error ? <ErrorView error={error} /> : null}
      <label>
        {t('app.settings.language')}
        <select
          aria-label={t('app.settings.language')}
          value={settings.language}
          onChange={(e) => void save({ language: e.target.value as Language })}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </select>
      </label>
      <form onSubmit={onSubmit}>
        <fieldset>
          <legend>{t('app.settings.tftp')}</legend>
          {numberField('maxBlksize', 8, 65464)}
          {numberField('maxWindowsize', 1, 64)}
          <label>
            {t('app.settings.rolloverTo')}
            <select value={tftp.rolloverTo} onChange={(e) => setTftp({ ...tftp, rolloverTo: Number(e.target.value) as 0 | 1 })}>
              <option value={0}>0</option>
              <option value={1}>1</option>
            </select>
          </label>
          {numberField('timeoutSeconds', 1, 255)}
          {numberField('retries', 1, 20)}
          {numberField('maxTransfers', 1, 1024)}
          {numberField('maxTransfersPerClient', 1, 256)}
        </fieldset>
        <button type="submit">{t('app.settings.save')}</button>
        {saved ? <span role="status">{t('app.settings.saved')}</span> : null}
      </form>
    </section>
  );
}
