import type { AnyRequestDefs } from './define';

/** Requests of the firmware domain, named 'firmware:<verb>'. */
export const firmwareRequests = {} satisfies AnyRequestDefs;

/** Events of the firmware domain, named 'firmware:<noun>'. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FirmwareEvents {}
