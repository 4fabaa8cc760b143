import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../../../shared/api/app';
import { fillText, formatMessage } from '../../../shared/i18n/format';
import type { Message } from '../../../shared/i18n/message';
import { messages as app } from './app';
import { messages as bench } from './bench';
import { messages as consoleTexts } from './console';
import { messages as consoleMoves } from './console-moves';
import { messages as firmware } from './firmware';
import { messages as history } from './history';
import { messages as migrate } from './migrate';
import { messages as plan } from './plan';
import { messages as sim } from './sim';
import { messages as tftp } from './tftp';
import { messages as tftpMoves } from './tftp-moves';

/**
 * The renderer's own words (labels, buttons, page texts), one catalogue per page in this folder, typed like the
 * engine's (DomainCatalog: a key missing in Japanese does not compile). What the engine and the planner say
 * arrives as messages and is said with `say` (formatMessage); both fill `{name}` the same way (fillText).
 */
export const CATALOGS = [app, bench, consoleTexts, consoleMoves, firmware, history, migrate, plan, sim, tftp, tftpMoves] as const;

function merged(language: Language): Record<string, string> {
  return Object.assign({}, ...CATALOGS.map((catalog) => catalog[language] as Record<string, string>)) as Record<string, string>;
}

const TABLES: Record<Language, Record<string, string>> = { en: merged('en'), ja: merged('ja') };

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translate(language: Language, key: string, vars?: Record<string, string | number>): string {
  return fillText(language, TABLES[language][key] ?? TABLES.en[key] ?? key, vars);
}

/** Says a message from the engine or the planner in the current language. */
export type Say = (message: Message) => string;

interface I18nValue {
  language: Language;
  t: Translate;
  say: Say;
}

const I18nContext = createContext<I18nValue>({ language: 'en', t: (key, vars) => translate('en', key, vars), say: (m) => formatMessage('en', m) });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const t = useCallback<Translate>((key, vars) => translate(language, key, vars), [language]);
  const say = useCallback<Say>((message) => formatMessage(language, message), [language]);
  const value = useMemo(() => ({ language, t, say }), [language, t, say]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
