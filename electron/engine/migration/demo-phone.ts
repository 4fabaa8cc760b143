import type { SimEvent, SimOutcome } from '../../../shared/api/sim';
import type { FirmwareVersion } from '../../../shared/cisco/firmware-version';
import type { PhoneModel } from '../../../shared/cisco/phone-files';
import { tftpGet } from '../phone-sim/tftp-client';
import { VirtualPhone, type FetchResult } from '../phone-sim/virtual-phone';

export interface DemoPhoneOptions {
  mac: string;
  model: PhoneModel;
  firmware: FirmwareVersion;
  host: string;
  port: number;
  flashWriteMs: number;
  /** What the virtual phone says, as console lines. */
  onEvent(text: string): void;
  onSettled(outcome: SimOutcome): void;
}

export interface DemoPhone {
  stop(): void;
}

/** A virtual phone on loopback pointed at the migration's TFTP server: the "try it" demo and the CLI --demo. */
export function startDemoPhone(o: DemoPhoneOptions): DemoPhone {
  const fetch = async (fileName: string, signal: AbortSignal): Promise<FetchResult> => {
    const r = await tftpGet({ host: o.host, port: o.port, fileName, blksize: 1468, tsize: true, timeoutMs: 1000, retries: 3, signal });
    switch (r.result) {
      case 'ok':
        return { result: 'ok', data: r.data };
      case 'not-found':
      case 'error':
      case 'timeout':
        return { result: r.result, message: r.message };
      default:
        return { result: 'error', message: 'unknown result' };
    }
  };
  const phone = new VirtualPhone({
    id: 'demo',
    mac: o.mac,
    model: o.model,
    firmware: o.firmware,
    fetch,
    tftpServer: o.host,
    flashWriteMs: o.flashWriteMs,
  });
  phone.onEvent((e) => {
    const line = describe(e);
    if (line) o.onEvent(line);
  });
  void phone.boot().then(
    (outcome) => {
      if (outcome) o.onSettled(outcome);
    },
    (error: unknown) => o.onSettled({ kind: 'error', message: 'Virtual phone crashed', detail: error instanceof Error ? error.message : String(error) }),
  );
  return { stop: () => phone.stop() };
}

function describe(e: SimEvent): string | undefined {
  switch (e.kind) {
    case 'state':
      return `[virtual phone] ${e.state}${e.detail ? `: ${e.detail}` : ''}`;
    case 'notice':
      return `[virtual phone] ${e.message}${e.simulated ? ' (simulated)' : ''}`;
    case 'settled':
      return e.outcome.kind === 'running' ? `[virtual phone] running ${e.outcome.firmware}` : `[virtual phone] ${e.outcome.message}`;
    case 'tftp':
    case 'flash':
      return undefined;
    default:
      return undefined;
  }
}
