import { useI18n } from '../../i18n/i18n';
import { pastedLines } from './use-console-input';

/** Asks before several pasted lines go to the phone, showing the first one. */
export function PasteConfirm({ text, onPaste, onCancel }: { text: string; onPaste: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const lines = pastedLines(text);
  const first = (text.split(/\r\n|\r|\n/)[0] ?? '').slice(0, 80);
  return (
    <div role="alertdialog" aria-label={t('moves.paste.send', { lines })} className="notice" data-testid="console-paste-confirm">
      <p>{t('moves.paste.confirm', { lines, first })}</p>
      <p style={{ display: 'flex', gap: '0.5rem' }}>
        <button type="button" className="primary" onClick={onPaste} autoFocus>
          {t('moves.paste.send', { lines })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('moves.paste.cancel')}
        </button>
      </p>
    </div>
  );
}
