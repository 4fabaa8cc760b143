import { parseFirmwareLabel } from '../../../../shared/cisco/firmware-version';
import { parseImageName } from '../../../../shared/cisco/image-name';
import { normalizeMac } from '../../../../shared/cisco/phone-files';
import { useI18n } from '../../i18n/i18n';
import { COMMON_FIRMWARE } from './listen-continue';
import { MacField } from './mac-field';
import type { Choices } from './wizard-state';

export function PhoneStep({ choices, set }: { choices: Choices; set: (patch: Partial<Choices>) => void }) {
  const { t } = useI18n();
  const badFrom = !choices.listenFirst && choices.from.trim() !== '' && !readableFirmware(choices.from);
  return (
    <fieldset>
      <legend>{t('migrate.step.phone')}</legend>
      <MacField value={choices.mac} onChange={(mac) => set({ mac })} helpId="migrate-mac-help" emptyHelp="migrate.phone.mac.help" />
      <label>
        {t('migrate.phone.model')}
        <select value={choices.model} onChange={(e) => set({ model: e.target.value === '7940' ? '7940' : '7960' })}>
          <option value="7960">7960</option>
          <option value="7940">7940</option>
        </select>
      </label>
      <label>
        {t('migrate.phone.from')}
        <input
          value={choices.from}
          disabled={choices.listenFirst}
          placeholder="SCCP 8.1(2)SR2"
          list="migrate-firmware-list"
          onChange={(e) => set({ from: e.target.value, fromCandidates: [] })}
          aria-invalid={badFrom}
          aria-describedby="migrate-from-help"
        />
      </label>
      <datalist id="migrate-firmware-list">
        {(choices.fromCandidates.length > 0 ? choices.fromCandidates : COMMON_FIRMWARE).map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      {choices.fromCandidates.length > 0 ? (
        <div className="notice" role="status" data-testid="migrate-from-candidates">
          <p>{t('migrate.phone.from.learned', { candidates: choices.fromCandidates.join(', ') })}</p>
          {choices.fromCandidates.map((f) => (
            <button key={f} type="button" aria-pressed={choices.from === f} onClick={() => set({ from: f })} style={{ marginRight: '0.5rem' }}>
              {f}
            </button>
          ))}
        </div>
      ) : null}
      <p id="migrate-from-help" className="fix">
        {badFrom ? t('migrate.phone.from.bad') : t('migrate.phone.from.help')}
      </p>
      <label style={{ flexDirection: 'row', alignItems: 'center', gap: '0.5rem' }}>
        <input type="checkbox" checked={choices.listenFirst} onChange={(e) => set({ listenFirst: e.target.checked })} />
        {t('migrate.phone.listen')}
      </label>
      <p className="fix">{t('migrate.phone.listen.help')}</p>
    </fieldset>
  );
}

export function phoneStepDone(c: Choices): boolean {
  return normalizeMac(c.mac) !== undefined && (c.listenFirst || readableFirmware(c.from));
}

/** A label ("SCCP 8.1(2)SR2") or the application image id the phone shows ("P0S3-8-12-00"). */
function readableFirmware(text: string): boolean {
  const image = parseImageName(text.trim());
  return parseFirmwareLabel(text) !== undefined || (image !== undefined && image.scheme !== 'loader');
}
