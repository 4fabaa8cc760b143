import type { tftpRequests } from '../../../shared/api/tftp';
import { PhonebenchError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/message';
import type { Domain, EngineContext } from '../context';
import { rootView } from './root-view';
import { listIpv4Interfaces, TftpService } from './tftp-service';

export interface TftpDomain extends Domain<typeof tftpRequests> {
  /** The running service, for the migration runner (virtual files, events). */
  service: TftpService;
}

export function createTftpDomain(ctx: EngineContext): TftpDomain {
  const service = new TftpService(() => ctx.settings.get().tftp);
  service.on('event', (e) => ctx.events.emit('tftp:transfer', e));
  service.on('log', (line) => ctx.events.emit('tftp:log', line));
  service.on('row', (row) => ctx.events.emit('tftp:row', row));

  const report = (): void => {
    const s = service.status();
    ctx.reportService(
      s.state === 'running'
        ? { name: 'tftp', state: 'running', detail: msg('service.tftp.listening', { address: s.address ?? '', port: s.port ?? '', root: s.root ?? '' }) }
        : { name: 'tftp', state: 'stopped' },
    );
  };
  report();

  return {
    service,
    handlers: {
      'tftp:start': async (params) => {
        ctx.reportService({ name: 'tftp', state: 'starting', detail: msg('service.tftp.starting', { address: params.address, port: params.port }) });
        try {
          const status = await service.start(params);
          report();
          return status;
        } catch (e) {
          ctx.reportService({ name: 'tftp', state: 'failed', detail: e instanceof PhonebenchError ? e.detail : msg('service.tftp.failed', { reason: e instanceof Error ? e.message : String(e) }) });
          throw e;
        }
      },
      'tftp:stop': async () => {
        const status = await service.stop();
        report();
        return status;
      },
      'tftp:status': () => service.status(),
      'tftp:allow': (params) => service.setAllowlist(params.allow),
      'tftp:interfaces': () => listIpv4Interfaces(),
      'tftp:log': () => service.recentLog(),
      'tftp:transfers': () => service.transfers(),
      'tftp:root': () => rootView(service.status().root, service.transfers()),
      'tftp:clear': () => {
        const rows = service.clear();
        ctx.events.emit('tftp:cleared', rows);
        return rows;
      },
    },
    async close() {
      await service.stop();
    },
  };
}
