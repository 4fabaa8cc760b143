import type { DomainCatalog } from '../catalog-types';

/** Transitional: English text that has not been given a key yet (see legacyText). To be emptied. */
const en = {
  'legacy.text': '{text}',
} as const;

export const legacyCatalog: DomainCatalog<typeof en> = { en, ja: { 'legacy.text': '{text}' } };
