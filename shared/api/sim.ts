import type { AnyRequestDefs } from './define';

/** Requests of the sim domain, named 'sim:<verb>'. */
export const simRequests = {} satisfies AnyRequestDefs;

/** Events of the sim domain, named 'sim:<noun>'. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SimEvents {}
