import type { SimEvent, SimOutcome } from '../../../shared/api/sim';
import { openSimSession } from '../../../electron/engine/phone-sim/sim-session';
import { MAC, type Scenario } from './scenarios';

/** Boots one virtual phone against a server and collects what it asked for. */
export async function runScenario(s: Scenario, port: number): Promise<{ outcome: SimOutcome | undefined; requests: string[] }> {
  const session = await openSimSession('t', { tftpHost: '127.0.0.1', tftpPort: port, mac: MAC, model: s.model ?? '7960', firmware: s.firmware, flashWriteMs: 1, simulateStateError: s.simulateStateError, oddCaseXmlDefault: s.oddCaseXmlDefault }, { tftpTimeoutMs: 1000, tftpRetries: 2 });
  const events: SimEvent[] = [];
  session.phone.onEvent((e) => events.push(e));
  try {
    const outcome = await session.phone.boot();
    return { outcome, requests: events.flatMap((e) => (e.kind === 'tftp' ? [e.file] : [])) };
  } finally {
    await session.close();
  }
}

