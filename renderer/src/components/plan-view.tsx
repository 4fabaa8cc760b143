import type { PlanCreated } from '../../../shared/api/plan';
import { maskSecrets } from '../../../shared/cisco/config/mask-secrets';
import { formatFirmware } from '../../../shared/cisco/firmware-version';
import type { Hop, PlannedConfig } from '../../../shared/cisco/planner/plan-types';
import { formatMessage } from '../../../shared/i18n/format';
import type { Message } from '../../../shared/i18n/message';
import { useI18n } from '../i18n/i18n';

export interface PlanViewProps {
  /** The value of plan:create. */
  created: PlanCreated;
  /** 1-based index of the hop the wizard is running, to highlight it. */
  currentHop?: number;
}

/** A migration plan as the technician reads it: hops, files, config previews, warnings. */
export function PlanView({ created, currentHop }: PlanViewProps) {
  const { t, language } = useI18n();
  const { plan } = created;
  const from = created.from === 'unknown' ? t('plan.unknownFrom') : formatFirmware(created.from);
  return (
    <article className="plan-view" aria-label={t('plan.heading', { from, to: formatFirmware(created.to) })}>
      <h2>{t('plan.heading', { from, to: formatFirmware(created.to) })}</h2>
      <p>{plan.hops.length === 0 ? t('plan.nothing') : t('plan.hopCount', { count: plan.hops.length })}</p>
      {plan.warnings.length > 0 ? (
        <section className="plan-warnings">
          <h3>{t('plan.warnings')}</h3>
          <ul>
            {plan.warnings.map((w, i) => (
              <li key={`${i}-${w.key}`}>{formatMessage(language, w)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol className="plan-hops">
        {plan.hops.map((hop) => (
          <li key={hop.index}>
            <HopView hop={hop} current={hop.index === currentHop} fromLabel={hop.index === 1 ? from : formatFirmware(hop.from)} />
          </li>
        ))}
      </ol>
      {plan.finalConfigs.length > 0 ? (
        <section className="plan-final">
          <h3>{t('plan.final')}</h3>
          <ConfigList configs={plan.finalConfigs} />
          {plan.finalNotes.length > 0 ? (
            <ul className="plan-final-notes" data-testid="plan-final-notes">
              {plan.finalNotes.map((n, i) => (
                <li key={`${i}-${n.key}`}>{formatMessage(language, n)}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}

function HopView({ hop, current, fromLabel }: { hop: Hop; current: boolean; fromLabel: string }) {
  const { t, language } = useI18n();
  const p = hop.provenance;
  const say = (items: Message[]): string[] => items.map((m) => formatMessage(language, m));
  return (
    <section className={current ? 'plan-hop current' : 'plan-hop'} aria-current={current ? 'step' : undefined}>
      <h3>
        {t('plan.hop', { index: hop.index, from: fromLabel, to: formatFirmware(hop.to) })}
        {current ? <span className="badge">{t('plan.hop.current')}</span> : null}
      </h3>
      <p>
        <strong>{t('plan.path', { path: hop.path })}</strong> {t(`plan.path.${hop.path}`)}
      </p>
      <p className={`provenance provenance-${p.source}`}>
        {t(`plan.source.${p.source}`)} · {t('plan.section', { section: p.section })}
        {p.reason !== undefined ? ` · ${formatMessage(language, p.reason)}` : null}
      </p>
      <TextList title={t('plan.checklist')} items={say(hop.checklist)} ordered />
      <TextList title={t('plan.files')} items={hop.requiredFiles} code />
      {hop.aliases.length > 0 ? (
        <ul>
          {hop.aliases.map((a) => (
            <li key={a.alias}>{t('plan.alias', { alias: a.alias, file: a.file })}</li>
          ))}
        </ul>
      ) : null}
      {hop.configs.length > 0 ? (
        <>
          <h4>{t('plan.configs')}</h4>
          <ConfigList configs={hop.configs} />
        </>
      ) : null}
      <TextList title={t('plan.commands')} items={hop.commands} code />
      <TextList title={t('plan.expected')} items={hop.expectedRequests} code ordered />
      <TextList title={t('plan.doneWhen')} items={hop.doneWhen} code />
      <TextList title={t('plan.phoneShows')} items={say(hop.phoneShows)} />
      <TextList title={t('plan.hopWarnings')} items={say(hop.warnings)} />
    </section>
  );
}

function ConfigList({ configs }: { configs: PlannedConfig[] }) {
  const { t } = useI18n();
  return (
    <div className="plan-configs">
      {configs.map((c) => {
        const shown = maskSecrets(c.content);
        return (
          <details key={c.name}>
            <summary>
              <code>{c.name}</code> ({t(c.scope === 'all' ? 'plan.scope.all' : 'plan.scope.phone')})
            </summary>
            <pre>{shown}</pre>
            {shown !== c.content ? <p className="note">{t('plan.secretsMasked')}</p> : null}
          </details>
        );
      })}
    </div>
  );
}

function TextList({ title, items, code = false, ordered = false }: { title: string; items: string[]; code?: boolean; ordered?: boolean }) {
  if (items.length === 0) return null;
  const body = items.map((item, i) => <li key={`${i}-${item}`}>{code ? <code>{item}</code> : item}</li>);
  return (
    <>
      <h4>{title}</h4>
      {ordered ? <ol>{body}</ol> : <ul>{body}</ul>}
    </>
  );
}
