import type { planRequests } from '../../../shared/api/plan';
import type { Domain, EngineContext } from '../context';

export function createPlanDomain(_ctx: EngineContext): Domain<typeof planRequests> {
  return {
    handlers: {},
    async close() {},
  };
}
