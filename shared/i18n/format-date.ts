import type { Language } from '../api/app';

/** The locale each language formats dates and numbers in (the app's choice, never the browser's or the OS's). */
export const LOCALES: Record<Language, string> = { en: 'en-GB', ja: 'ja-JP' };

const dateTimes = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, kind: 'dateTime' | 'time' | 'date'): Intl.DateTimeFormat {
  const key = `${language}:${kind}`;
  let f = dateTimes.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }
        : kind === 'date'
          ? { year: 'numeric', month: 'short', day: 'numeric' }
          : { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false };
    f = new Intl.DateTimeFormat(LOCALES[language], options);
    dateTimes.set(key, f);
  }
  return f;
}

function parse(value: string | number | Date): Date | undefined {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** A moment as a technician reads it in the chosen language ("4 Dec 2026, 09:15:02", "2026年12月4日 9:15:02"). */
export function formatDateTime(language: Language, value: string | number | Date): string {
  const d = parse(value);
  return d ? formatter(language, 'dateTime').format(d) : String(value);
}

/** The time of day only (a console line, a log line of today). */
export function formatTime(language: Language, value: string | number | Date): string {
  const d = parse(value);
  return d ? formatter(language, 'time').format(d) : String(value);
}

/** A number with the language's grouping; `fraction` fixes the digits after the point. */
export function formatNumber(language: Language, value: number, fraction?: number): string {
  const options: Intl.NumberFormatOptions = fraction === undefined ? {} : { minimumFractionDigits: fraction, maximumFractionDigits: fraction };
  return new Intl.NumberFormat(LOCALES[language], options).format(value);
}
