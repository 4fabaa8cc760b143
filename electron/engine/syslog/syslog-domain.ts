import type { SyslogStatus, syslogRequests } from '../../../shared/api/syslog';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { Domain, EngineContext } from '../context';
import type { Disposable } from '../kit/lifecycle';
import { SyslogReceiver } from './syslog-receiver';

const STOPPED: SyslogStatus = { state: 'stopped', received: 0, refused: 0, dropped: 0 };

/** syslog:* — one receiver at a time; its lines go out as 'syslog:lines' batches, its counts as 'syslog:status'. */
export function createSyslogDomain(ctx: EngineContext): Domain<typeof syslogRequests> {
  let receiver: SyslogReceiver | undefined;
  let subscription: Disposable | undefined;
  let ticker: NodeJS.Timeout | undefined;
  let last = '';

  const status = (): SyslogStatus => receiver?.status() ?? STOPPED;
  const announce = () => {
    const s = status();
    const key = JSON.stringify(s);
    if (key === last) return;
    last = key;
    ctx.events.emit('syslog:status', s);
    ctx.reportService(
      s.state === 'running'
        ? {
            name: 'syslog',
            state: 'running',
            detail: msg('service.syslog.listening', {
              address: s.address ?? '',
              port: s.port ?? 0,
              phones: s.allow ? s.allow : msg('service.syslog.everyone'),
            }),
          }
        : { name: 'syslog', state: 'stopped', detail: msg('service.syslog.stopped') },
    );
  };

  async function stop(): Promise<SyslogStatus> {
    if (ticker) clearInterval(ticker);
    ticker = undefined;
    await subscription?.dispose();
    subscription = undefined;
    await receiver?.close();
    receiver = undefined;
    announce();
    return status();
  }

  return {
    handlers: {
      'syslog:start': async (p) => {
        if (p.address === '0.0.0.0') throw new PhonebenchError('bad-request', msg('syslog.anyAddress'), msg('syslog.anyAddress.fix'));
        if (!p.allow?.length && !p.allowAll) throw new PhonebenchError('bad-request', msg('syslog.ambiguous'), msg('syslog.ambiguous.fix'));
        await stop();
        receiver = await SyslogReceiver.start({ address: p.address, port: p.port, allow: p.allowAll ? null : (p.allow ?? []), log: ctx.log });
        subscription = receiver.onLines((lines) => ctx.events.emit('syslog:lines', lines));
        // Refused and dropped datagrams make no line: their counts go out once a second when they change.
        ticker = setInterval(announce, 1000);
        ticker.unref();
        announce();
        return status();
      },
      'syslog:stop': () => stop(),
      'syslog:status': () => status(),
      'syslog:lines': (p) => receiver?.lines(p.limit) ?? [],
    },
    async close() {
      await stop();
    },
  };
}
