import type { tftpRequests } from '../../../shared/api/tftp';
import type { Domain, EngineContext } from '../context';

export function createTftpDomain(_ctx: EngineContext): Domain<typeof tftpRequests> {
  return {
    handlers: {},
    async close() {},
  };
}
