import type { DomainCatalog } from '../catalog-types';

/** Generic error texts any domain may use. Domain-specific ones live in that domain's catalogue. */
const en = {
  'error.internal': 'Internal error: {detail}',
  'error.badRequest': 'Invalid {field}: {problem}',
  'error.notFound': '{what} not found.',
} as const;

export const errorsCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'error.internal': '内部エラー: {detail}',
    'error.badRequest': '{field} が正しくありません: {problem}',
    'error.notFound': '{what} が見つかりません。',
  },
};
