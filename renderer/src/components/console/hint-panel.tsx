import { HINTS, hintById, type Hint } from '../../../../shared/cisco/hints';
import { formatMessage } from '../../../../shared/i18n/format';
import { useI18n } from '../../i18n/i18n';

export interface SeenHint {
  hintId: string;
  count: number;
  lastAt: string;
  excerpt: string;
}

function HintBody({ hint }: { hint: Hint }) {
  const { t, language } = useI18n();
  return (
    <dl className="facts">
      <dt>{t('console.hints.cause')}</dt>
      <dd>{formatMessage(language, hint.cause)}</dd>
      <dt>{t('console.hints.fix')}</dt>
      <dd>{formatMessage(language, hint.fix)}</dd>
      <dt>{t('console.hints.step')}</dt>
      <dd>{t(`console.step.${hint.step}`)}</dd>
      <dt>{t('console.hints.source')}</dt>
      <dd>{hint.sources.map((s) => t(`console.source.${s}`)).join(', ')}</dd>
    </dl>
  );
}

/** Known failures seen on this console, newest first, each with cause and fix; then the silent ones. */
export function HintPanel({ seen, onDismiss }: { seen: SeenHint[]; onDismiss: (hintId: string) => void }) {
  const { t, language } = useI18n();
  const quiet = HINTS.filter((hint) => hint.pattern === null);
  return (
    <aside className="console-hints" aria-labelledby="console-hints-heading" data-testid="console-hints">
      <h2 id="console-hints-heading">{t('console.hints')}</h2>
      {seen.length === 0 ? <p className="fix">{t('console.hints.none')}</p> : null}
      {seen.map((entry) => {
        const hint = hintById(entry.hintId);
        if (!hint) return null;
        return (
          <article key={hint.id} className="console-hint" data-hint-id={hint.id}>
            <h3>{formatMessage(language, hint.title)}</h3>
            <p className="fix">
              <code>{entry.excerpt}</code>{' '}
              {t('console.hints.seen', { count: entry.count, time: new Date(entry.lastAt).toLocaleTimeString() })}
            </p>
            <HintBody hint={hint} />
            <button type="button" onClick={() => onDismiss(hint.id)}>
              {t('console.hints.dismiss')}
            </button>
          </article>
        );
      })}
      <details>
        <summary>{t('console.hints.quiet')}</summary>
        {quiet.map((hint) => (
          <article key={hint.id} className="console-hint">
            <h3>{formatMessage(language, hint.title)}</h3>
            <HintBody hint={hint} />
          </article>
        ))}
      </details>
    </aside>
  );
}
