import { PhonebenchError } from '../../../shared/api/result';
import type { simRequests } from '../../../shared/api/sim';
import type { Domain, EngineContext } from '../context';

export function createSimDomain(_ctx: EngineContext): Domain<typeof simRequests> {
  const notYet = (): never => {
    throw new PhonebenchError('not-running', 'The virtual phone is not available yet.');
  };
  return {
    handlers: { 'sim:start': notYet, 'sim:stop': notYet, 'sim:list': () => [] },
    async close() {},
  };
}
