import type { AnyRequestDefs } from './define';

/** Requests of the serial domain, named 'serial:<verb>'. */
export const serialRequests = {} satisfies AnyRequestDefs;

/** Events of the serial domain, named 'serial:<noun>'. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SerialEvents {}
