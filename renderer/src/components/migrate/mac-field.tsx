import { normalizeMac } from '../../../../shared/cisco/phone-files';
import { useI18n } from '../../i18n/i18n';

interface Props {
  value: string;
  onChange: (mac: string) => void;
  /** Id of the help line under the field. */
  helpId: string;
  /** What the help line says while the field is empty. */
  emptyHelp: string;
  autoFocus?: boolean;
}

/** The phone's MAC: typed freely, checked as typed, its normalised form said under it. */
export function MacField({ value, onChange, helpId, emptyHelp, autoFocus }: Props) {
  const { t } = useI18n();
  const mac = normalizeMac(value);
  return (
    <>
      <label>
        {t('migrate.phone.mac')}
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={value !== '' && !mac}
          aria-describedby={helpId}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
        />
      </label>
      <p id={helpId} className="fix">
        {value !== '' && !mac ? t('migrate.phone.mac.bad') : mac ? t('migrate.phone.mac.normalised', { mac }) : t(emptyHelp)}
      </p>
    </>
  );
}
