import { errorsCatalog } from './catalogs/errors';
import { legacyCatalog } from './catalogs/legacy';
import { planCatalog } from './catalogs/plan';

/**
 * Every catalogue of what the engine and the planner can say, one file per domain in ./catalogs.
 * Add a domain: write catalogs/<domain>.ts and list it here.
 */
export const MESSAGE_CATALOGS = [errorsCatalog, legacyCatalog, planCatalog] as const;

type Union<T> = T extends readonly { en: infer E }[] ? E : never;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type MessageKey = keyof UnionToIntersection<Union<typeof MESSAGE_CATALOGS>> & string;
