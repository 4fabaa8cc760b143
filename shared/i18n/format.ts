import type { Language } from '../api/app';
import { MESSAGE_CATALOGS, type MessageKey } from './catalog';
import { isMessage, type Message, type MessageParam } from './message';

type Table = Record<string, string>;

function merged(language: Language): Table {
  return Object.assign({}, ...MESSAGE_CATALOGS.map((catalog) => catalog[language] as Table)) as Table;
}

const TABLES: Record<Language, Table> = { en: merged('en'), ja: merged('ja') };

export function hasMessageKey(key: string): key is MessageKey {
  return key in TABLES.en;
}

const LIST_SEPARATOR: Record<Language, string> = { en: ', ', ja: '、' };

function paramText(language: Language, value: MessageParam): string {
  if (Array.isArray(value)) return value.map((item: MessageParam) => paramText(language, item)).join(LIST_SEPARATOR[language]);
  return isMessage(value) ? formatMessage(language, value) : String(value);
}

/** Fills `{name}` from the parameters; a parameter that is a message (or a list) is said in the same language. */
export function fillText(language: Language, text: string, params?: Record<string, MessageParam>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : paramText(language, value);
  });
}

/** A message in words: Japanese falls back to English, an unknown key shows as itself. */
export function formatMessage(language: Language, message: Message): string {
  const text = TABLES[language][message.key] ?? TABLES.en[message.key] ?? message.key;
  return fillText(language, text, message.params);
}
