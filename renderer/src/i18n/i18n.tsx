import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../../../shared/api/app';
import { formatMessage } from '../../../shared/i18n/format';
import type { Message } from '../../../shared/i18n/message';
import type { Catalog } from './catalog';

const modules = import.meta.glob<{ messages: Catalog }>(['./*.ts', '!./catalog.ts'], { eager: true });

/** Every catalogue beside this file, merged. */
export const CATALOGS: Catalog[] = Object.values(modules).map((module) => module.messages);

function merged(language: Language): Record<string, string> {
  return Object.assign({}, ...CATALOGS.map((catalog) => catalog[language]));
}

const TABLES: Record<Language, Record<string, string>> = { en: merged('en'), ja: merged('ja') };

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translate(language: Language, key: string, vars?: Record<string, string | number>): string {
  const text = TABLES[language][key] ?? TABLES.en[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
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
