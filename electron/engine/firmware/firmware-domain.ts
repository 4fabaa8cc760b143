import type { firmwareRequests } from '../../../shared/api/firmware';
import type { Domain, EngineContext } from '../context';

export function createFirmwareDomain(_ctx: EngineContext): Domain<typeof firmwareRequests> {
  return {
    handlers: {},
    async close() {},
  };
}
