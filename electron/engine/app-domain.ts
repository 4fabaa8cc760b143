import type { AppStatus, appRequests } from '../../shared/api/app';
import type { Domain, EngineContext } from './context';

export function createAppDomain(ctx: EngineContext, status: () => AppStatus): Domain<typeof appRequests> {
  return {
    handlers: {
      'app:status': () => status(),
      'settings:get': () => ctx.settings.get(),
      'settings:update': async (patch) => {
        const next = await ctx.settings.update(patch);
        ctx.events.emit('settings:changed', next);
        return next;
      },
    },
    async close() {},
  };
}
