import path from 'node:path';
import { PhonebenchError } from '../../shared/api/result';
import { msg, type MessageParam } from '../../shared/i18n/message';

/**
 * A write the disk refused, said with its fix: ENOSPC (and EDQUOT) become 'disk-full', a read-only disk or
 * a permission problem 'io-error'. Anything else is not a storage problem: undefined.
 */
export function storageError(error: unknown, what: MessageParam, file: string): PhonebenchError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = path.dirname(file);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new PhonebenchError('disk-full', msg('storage.diskFull', { what, folder }), msg('storage.diskFull.fix', { folder }));
    case 'EROFS':
      return new PhonebenchError('io-error', msg('storage.readOnly', { what, folder }), msg('storage.denied.fix', { folder }));
    case 'EACCES':
    case 'EPERM':
      return new PhonebenchError('io-error', msg('storage.denied', { what, folder }), msg('storage.denied.fix', { folder }));
    default:
      return undefined;
  }
}
