import type { DomainCatalog } from '../catalog-types';

/** How a migration ends before it starts: the phone already runs the target. */
const en = {
  'migrate.alreadyThere': 'The phone already runs {firmware}: nothing to do.',
} as const;

export const migrateOutcomeCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'migrate.alreadyThere': '電話機はすでに {firmware} で動作しています。作業は不要です。',
  },
};
