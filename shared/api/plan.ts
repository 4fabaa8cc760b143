import type { AnyRequestDefs } from './define';

/** Requests of the plan domain, named 'plan:<verb>'. */
export const planRequests = {} satisfies AnyRequestDefs;

/** Events of the plan domain, named 'plan:<noun>'. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlanEvents {}
