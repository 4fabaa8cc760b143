import type { ListenInference, MigrationConsole, PhoneIpSource } from '../../../shared/api/migrate';
import { assertNever } from '../../../shared/api/result';

/** How the phone's address became known, as the timeline says it. */
export function ipSourceText(source: PhoneIpSource): string {
  switch (source) {
    case 'entered':
      return 'entered';
    case 'learned-from-mac':
      return 'learned from its first request naming its MAC';
    case 'dhcp':
      return 'leased by the bench DHCP';
    case 'demo':
      return 'virtual phone';
    default:
      return assertNever(source, 'IP source');
  }
}

/** What the listened-to requests show about the phone's firmware. */
export function inferenceText(inference: ListenInference): string {
  const what =
    inference.era === 'os79xx'
      ? `the OS79XX.TXT boot mechanism (SCCP up to 5.x or SIP up to 6.x)${inference.protocol ? `, running ${inference.protocol}` : ''}`
      : inference.era === 'loader'
        ? `the universal loader (SCCP 6.x+ or SIP 7.x+)${inference.protocol ? `, running ${inference.protocol}` : ''}`
        : `${inference.protocol ?? 'an unknown protocol'}, boot mechanism unclear`;
  return `The phone's requests show ${what}. Evidence: ${inference.evidence.join('; ')}.`;
}

/** Which console the demo's virtual phone got. */
export function consoleAttachedText(info: MigrationConsole, name: string): string {
  return info.kind === 'pty'
    ? `Virtual phone console: socat PTY pair, open on the Console page as "${name}" (${info.path ?? ''}).`
    : info.kind === 'in-process'
      ? `Virtual phone console: in-process virtual port, open on the Console page as "${name}"${info.detail ? ` (${info.detail})` : ''}.`
      : `The virtual phone has no console: ${info.detail ?? 'none attached'}.`;
}
