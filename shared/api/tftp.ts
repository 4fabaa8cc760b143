import type { AnyRequestDefs } from './define';

/** Requests of the tftp domain, named 'tftp:<verb>'. */
export const tftpRequests = {} satisfies AnyRequestDefs;

/** Events of the tftp domain, named 'tftp:<noun>'. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TftpEvents {}
