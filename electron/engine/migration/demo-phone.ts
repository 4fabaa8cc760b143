import type { Duplex } from 'node:stream';
import type { SimEvent, SimOutcome } from '../../../shared/api/sim';
import type { FirmwareVersion } from '../../../shared/cisco/firmware-version';
import type { PhoneModel } from '../../../shared/cisco/phone-files';
import { startVirtualPhone, type VirtualPhoneSpec } from '../phone-sim/sim-session';

/** Where the virtual phone's console goes: a stream (in-process pair) or a device (one end of a PTY pair). */
export type DemoConsoleEnd = { stream: Duplex } | { path: string };

export interface DemoPhoneOptions {
  mac: string;
  model: PhoneModel;
  firmware: FirmwareVersion;
  host: string;
  port: number;
  flashWriteMs: number;
  console?: DemoConsoleEnd;
  /** What the virtual phone says, as lines for the migration's own console text. */
  onEvent(text: string): void;
  onSettled(outcome: SimOutcome): void;
}

export interface DemoPhone {
  /** Stops the phone and closes its end of the console. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Tests and benches shorten the demo phone's simulated flash write with PHONEBENCH_DEMO_FLASH_WRITE_MS (whole
 * milliseconds, 0 to 600000); set, it wins over the option. Anything else there is ignored.
 */
export function demoFlashWriteMs(given: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['PHONEBENCH_DEMO_FLASH_WRITE_MS'];
  if (raw === undefined || raw.trim() === '') return given;
  const ms = Number(raw);
  return Number.isInteger(ms) && ms >= 0 && ms <= 600_000 ? ms : given;
}

/** A virtual phone on loopback pointed at the migration's TFTP server: the "try it" demo and the CLI --demo. */
export async function startDemoPhone(o: DemoPhoneOptions): Promise<DemoPhone> {
  const flashWriteMs = demoFlashWriteMs(o.flashWriteMs);
  const spec: VirtualPhoneSpec = { id: 'demo', mac: o.mac, model: o.model, firmware: o.firmware, host: o.host, port: o.port, flashWriteMs };
  if (o.console && 'path' in o.console) spec.consolePath = o.console.path;
  const session = await startVirtualPhone(spec, {
    tftpBlksize: 1468,
    tftpTsize: true,
    tftpTimeoutMs: 1000,
    tftpRetries: 3,
    ...(o.console && 'stream' in o.console ? { consoleStream: o.console.stream } : {}),
  });
  session.phone.onEvent((e) => {
    const line = describe(e);
    if (line) o.onEvent(line);
  });
  void session.phone.boot().then(
    (outcome) => {
      if (outcome) o.onSettled(outcome);
    },
    (error: unknown) => o.onSettled({ kind: 'error', message: 'Virtual phone crashed', detail: error instanceof Error ? error.message : String(error) }),
  );
  return { stop: () => session.close() };
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
