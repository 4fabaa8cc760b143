import type { serialRequests } from '../../../shared/api/serial';
import type { Domain, EngineContext } from '../context';

export function createSerialDomain(_ctx: EngineContext): Domain<typeof serialRequests> {
  return {
    handlers: {},
    async close() {},
  };
}
