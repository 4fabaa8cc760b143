import type { AppStatus, appRequests } from '../../shared/api/app';
import type { engineLogRequests } from '../../shared/api/engine-log';
import type { Domain, EngineContext } from './context';
import type { EngineLog } from './engine-log';

export function createAppDomain(ctx: EngineContext, status: () => AppStatus, log: EngineLog): Domain<typeof appRequests & typeof engineLogRequests> {
  return {
    handlers: {
      'app:status': () => status(),
      'app:log': ({ limit }) => ({ file: log.file, entries: log.recent(limit) }),
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
