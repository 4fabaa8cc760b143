import { useMemo, useState } from 'react';
import type { TftpLogLine } from '../../../../shared/api/tftp';
import { formatDateTime } from '../../../../shared/i18n/format-date';
import { useI18n } from '../../i18n/i18n';

type LevelFilter = 'all' | 'warn' | 'error';

/** The server log, newest last, in the chosen language (time and words), filtered by text and level. */
export function LogView({ lines }: { lines: TftpLogLine[] }) {
  const { t, say, language } = useI18n();
  const [text, setText] = useState('');
  const [level, setLevel] = useState<LevelFilter>('all');
  const said = useMemo(() => lines.map((l) => ({ level: l.level, text: l.message ? `${formatDateTime(language, l.at)} ${say(l.message)}` : l.text })), [lines, language, say]);
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return said.filter(
      (l) =>
        (level === 'all' || l.level === 'error' || (level === 'warn' && l.level === 'warn')) &&
        (needle === '' || l.text.toLowerCase().includes(needle)),
    );
  }, [said, text, level]);
  return (
    <div>
      <div className="tftp-toolbar">
        <label>
          {t('tftp.log.filter')}{' '}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="tftp-log-filter" />
        </label>{' '}
        <label>
          {t('tftp.log.level')}{' '}
          <select value={level} onChange={(e) => setLevel(e.target.value as LevelFilter)}>
            <option value="all">{t('tftp.log.level.all')}</option>
            <option value="warn">{t('tftp.log.level.warn')}</option>
            <option value="error">{t('tftp.log.level.error')}</option>
          </select>
        </label>
      </div>
      <pre className="tftp-log" data-testid="tftp-log" aria-live="polite">
        {shown.length === 0 ? t('tftp.log.empty') : shown.map((l) => `${l.text}\n`).join('')}
      </pre>
    </div>
  );
}
