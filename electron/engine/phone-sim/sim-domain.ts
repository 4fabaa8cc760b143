import type { simRequests } from '../../../shared/api/sim';
import type { Domain, EngineContext } from '../context';

export function createSimDomain(_ctx: EngineContext): Domain<typeof simRequests> {
  return {
    handlers: {},
    async close() {},
  };
}
