import type { SessionInfo } from '../../../../shared/api/serial';
import { useI18n } from '../../i18n/i18n';
import { LINE_ENDINGS, TIMESTAMP_MODES, type LineEnding, type TimestampMode } from './console-format';

export const FONT_SIZES = [10, 12, 14, 16, 18, 20, 24] as const;

/** How the terminal shows and sends text: the view's own state, none of it in the engine. */
export interface ViewOptions {
  lineEnding: LineEnding;
  localEcho: boolean;
  timestamps: TimestampMode;
  hex: boolean;
  fontSize: number;
}

interface Props {
  session: SessionInfo | undefined;
  canConnect: boolean;
  options: ViewOptions;
  setOptions: (patch: Partial<ViewOptions>) => void;
  connect: () => void;
  disconnect: () => void;
  reconnect: () => void;
  sendBreak: () => void;
  setLine: (line: { dtr?: boolean; rts?: boolean }) => void;
  clear: () => void;
  copy: () => void;
  paste: () => void;
  saveLog: () => void;
}

/** Connect, line controls, display options, clipboard and log. */
export function ConsoleToolbar(p: Props) {
  const { t } = useI18n();
  const { session, options } = p;
  const state = session?.state;
  const live = state !== undefined && state !== 'closed';
  const connected = state === 'connected';
  return (
    <div className="console-toolbar" role="toolbar" aria-label={t('console.heading')}>
      {!live ? (
        <button type="button" className="primary" data-testid="console-connect" disabled={!p.canConnect} onClick={p.connect}>
          {t('console.connect')}
        </button>
      ) : (
        <button type="button" data-testid="console-disconnect" onClick={p.disconnect}>
          {t('console.disconnect')}
        </button>
      )}
      <button type="button" data-testid="console-reconnect" disabled={!live} onClick={p.reconnect}>
        {t('console.reconnect')}
      </button>
      <button type="button" data-testid="console-break" disabled={!connected} onClick={p.sendBreak}>
        {t('console.break')}
      </button>
      <label>
        <input type="checkbox" disabled={!connected} checked={session?.dtr ?? true} onChange={(e) => p.setLine({ dtr: e.target.checked })} />
        {t('console.dtr')}
      </label>
      <label>
        <input type="checkbox" disabled={!connected} checked={session?.rts ?? true} onChange={(e) => p.setLine({ rts: e.target.checked })} />
        {t('console.rts')}
      </label>
      <label>
        {t('console.lineEnding')}
        <select value={options.lineEnding} onChange={(e) => p.setOptions({ lineEnding: LINE_ENDINGS.find((x) => x === e.target.value) ?? 'cr' })}>
          {LINE_ENDINGS.map((ending) => (
            <option key={ending} value={ending}>
              {t(`console.lineEnding.${ending}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={options.localEcho} onChange={(e) => p.setOptions({ localEcho: e.target.checked })} />
        {t('console.localEcho')}
      </label>
      <label>
        {t('console.timestamps')}
        <select
          value={options.timestamps}
          data-testid="console-timestamps"
          onChange={(e) => p.setOptions({ timestamps: TIMESTAMP_MODES.find((x) => x === e.target.value) ?? 'off' })}
        >
          {TIMESTAMP_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`console.timestamps.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" data-testid="console-hex" checked={options.hex} onChange={(e) => p.setOptions({ hex: e.target.checked })} />
        {t('console.hex')}
      </label>
      <button type="button" onClick={p.clear}>
        {t('console.clear')}
      </button>
      <button type="button" data-testid="console-copy" title={t('console.copy.keys')} onClick={p.copy}>
        {t('console.copy')}
      </button>
      <button type="button" data-testid="console-paste" title={t('console.paste.keys')} disabled={!connected} onClick={p.paste}>
        {t('console.paste')}
      </button>
      <label>
        {t('console.fontSize')}
        <select value={options.fontSize} data-testid="console-font-size" onChange={(e) => p.setOptions({ fontSize: Number(e.target.value) })}>
          {FONT_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="console-save" onClick={p.saveLog}>
        {t('console.save')}
      </button>
    </div>
  );
}
