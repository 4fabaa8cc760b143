import type { AnyRequestDefs } from './define';

/** Requests of the migrate domain, named 'migrate:<verb>'. */
export const migrateRequests = {} satisfies AnyRequestDefs;

/** Events of the migrate domain, named 'migrate:<noun>'. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MigrateEvents {}
