import type { PortList } from '../../../../shared/api/serial';
import { BAUD_PRESETS, DATA_BITS, PARITIES, STOP_BITS, type LineSettings } from '../../../../shared/api/serial';
import { useI18n, type Say, type Translate } from '../../i18n/i18n';
import { osErrorKey } from './console-format';

export interface PortChoice extends LineSettings {
  path: string;
  autoReconnect: boolean;
}

interface Props {
  value: PortChoice;
  onChange: (next: PortChoice) => void;
  ports: PortList | undefined;
  onRefresh: () => void;
  disabled: boolean;
}

const OTHER = '__other__';

/** Port picker with descriptions, a typed path, and every line setting (all configurable: none is confirmed). */
export function PortForm({ value, onChange, ports, onRefresh, disabled }: Props) {
  const { t, say } = useI18n();
  const listed = ports?.ports ?? [];
  const isListed = listed.some((p) => p.path === value.path);
  const set = <K extends keyof PortChoice>(key: K, v: PortChoice[K]) => onChange({ ...value, [key]: v });

  return (
    <fieldset className="console-form" disabled={disabled}>
      <legend>{t('console.settings')}</legend>
      <div className="console-row">
        <label>
          {t('console.port')}
          <select
            data-testid="console-port"
            value={isListed ? value.path : OTHER}
            onChange={(e) => set('path', e.target.value === OTHER ? '' : e.target.value)}
          >
            {listed.map((p) => (
              <option key={p.path} value={p.path}>
                {p.path} — {say(p.description)}
              </option>
            ))}
            <option value={OTHER}>{t('console.port.typed')}</option>
          </select>
        </label>
        {!isListed ? (
          <label>
            {t('console.port.typed')}
            <input
              data-testid="console-port-path"
              value={value.path}
              spellCheck={false}
              onChange={(e) => set('path', e.target.value)}
              placeholder="/dev/ttyUSB0"
            />
          </label>
        ) : null}
        <button type="button" onClick={onRefresh}>
          {t('console.port.refresh')}
        </button>
      </div>
      {ports && listed.length === 0 ? <p className="fix">{t('console.port.none')}</p> : null}
      {ports?.notice ? <p className="fix" data-testid="console-port-notice">{t('console.port.notice', { notice: explainNotice(ports, t, say) })}</p> : null}
      <div className="console-row">
        <label>
          {t('console.baud')}
          <input
            data-testid="console-baud"
            list="console-baud-presets"
            inputMode="numeric"
            value={String(value.baud)}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 0 && n <= 4_000_000) set('baud', n);
            }}
          />
          <datalist id="console-baud-presets">
            {BAUD_PRESETS.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
        </label>
        <label>
          {t('console.dataBits')}
          <select value={value.dataBits} onChange={(e) => set('dataBits', Number(e.target.value) as PortChoice['dataBits'])}>
            {DATA_BITS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.parity')}
          <select value={value.parity} onChange={(e) => set('parity', e.target.value as PortChoice['parity'])}>
            {PARITIES.map((p) => (
              <option key={p} value={p}>
                {t(`console.parity.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.stopBits')}
          <select value={value.stopBits} onChange={(e) => set('stopBits', Number(e.target.value) as PortChoice['stopBits'])}>
            {STOP_BITS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="console-row">
        <label className="check">
          <input type="checkbox" checked={value.rtscts} onChange={(e) => set('rtscts', e.target.checked)} />
          {t('console.rtscts')}
        </label>
        <label className="check">
          <input type="checkbox" checked={value.xonxoff} onChange={(e) => set('xonxoff', e.target.checked)} />
          {t('console.xonxoff')}
        </label>
        <label className="check">
          <input type="checkbox" checked={value.autoReconnect} onChange={(e) => set('autoReconnect', e.target.checked)} />
          {t('console.autoReconnect')}
        </label>
      </div>
      <p className="fix">{t('console.unconfirmed')}</p>
    </fieldset>
  );
}

/** The port list's notice with an OS error (e.g. udevadm missing) said plainly, with the fix, before the raw text. */
/** Why the port list is a scan: a known OS error in plain words with its fix (and the OS's own words), else the engine's message. */
function explainNotice(ports: PortList, t: Translate, say: Say): string {
  const key = ports.reason === undefined ? undefined : osErrorKey(ports.reason);
  return key && ports.reason ? `${t(key)} ${t(`${key}.fix`)} (${t('console.os.said', { raw: ports.reason })})` : ports.notice ? say(ports.notice) : '';
}
