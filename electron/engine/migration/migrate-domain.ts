import type { migrateRequests } from '../../../shared/api/migrate';
import type { Domain, EngineContext } from '../context';

export function createMigrateDomain(_ctx: EngineContext): Domain<typeof migrateRequests> {
  return {
    handlers: {},
    async close() {},
  };
}
