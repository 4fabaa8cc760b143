import type { historyRequests } from '../../../shared/api/history';
import type { Domain, EngineContext } from '../context';
import { HistoryService } from './history-service';

/** history:* — the handler table over the HistoryService; a run added is the 'history:record' event. */
export function createHistoryDomain(ctx: EngineContext): Domain<typeof historyRequests> & { service: HistoryService } {
  const service = new HistoryService(ctx.dataDir, ctx.log);
  const subscription = service.onRecord((record) => ctx.events.emit('history:record', record));
  return {
    service,
    handlers: {
      'history:list': (p) => service.list(p.day, p.limit),
      'history:summary': (p) => service.summary(p.day),
      'history:zip': (p) => service.zip(p.day),
    },
    async close() {
      await subscription.dispose();
      await service.dispose();
    },
  };
}
