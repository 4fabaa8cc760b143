import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { SimInfo, simRequests } from '../../../shared/api/sim';
import type { Domain, EngineContext } from '../context';
import { openSimSession, type SimSession, type SimTuning } from './sim-session';

/** Virtual phones by id. Each boots on start and keeps its last state until stopped. */
const MAX_SIMS = 16;

export function createSimDomain(ctx: EngineContext, tuning: SimTuning = {}): Domain<typeof simRequests> {
  const sessions = new Map<string, SimSession>();
  let next = 1;

  const report = (): void => {
    const n = sessions.size;
    ctx.reportService({ name: 'sim', state: n > 0 ? 'running' : 'stopped', detail: msg('service.sim.count', { count: n }) });
  };
  report();

  return {
    handlers: {
      async 'sim:start'(params): Promise<SimInfo> {
        if (sessions.size >= MAX_SIMS) throw new PhonebenchError('busy', msg('sim.tooMany', { max: MAX_SIMS }), msg('sim.tooMany.fix'));
        const id = `sim-${next++}`;
        const session = await openSimSession(id, params, tuning);
        sessions.set(id, session);
        session.phone.onEvent((e) => ctx.events.emit('sim:event', e));
        report();
        void session.phone.boot();
        return session.info();
      },
      async 'sim:stop'({ id }): Promise<SimInfo> {
        const session = sessions.get(id);
        if (session === undefined) throw new PhonebenchError('not-found', msg('sim.notFound', { id }), msg('sim.notFound.fix'));
        await session.close();
        sessions.delete(id);
        report();
        return session.info();
      },
      'sim:list'(): SimInfo[] {
        return [...sessions.values()].map((s) => s.info());
      },
    },
    async close() {
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.allSettled(all.map((s) => s.close()));
    },
  };
}
