import type { DomainCatalog } from '../catalog-types';

/** What the day's record says. */
const en = {
  'history.noRuns': 'No migration runs on {day}.',
  'history.noRuns.fix': 'Pick a day from the History page, or run "phonebench history" to see the days with runs.',
} as const;

export const historyCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'history.noRuns': '{day} の移行はありません。',
    'history.noRuns.fix': '履歴ページで日付を選ぶか、「phonebench history」で移行のあった日を確かめてください。',
  },
};
