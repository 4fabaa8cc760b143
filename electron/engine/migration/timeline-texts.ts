import type { ListenInference, MigrationConsole, PhoneIpSource } from '../../../shared/api/migrate';
import { msg, type Message } from '../../../shared/i18n/message';

/** How the phone's address became known, as the timeline says it. */
export function ipSourceText(source: PhoneIpSource): Message {
  return msg(`migrate.ipSource.${source}`);
}

/** What the listened-to requests show about the phone's firmware. */
export function inferenceText(inference: ListenInference): Message {
  const { protocol } = inference;
  const what =
    inference.era === 'os79xx'
      ? protocol
        ? msg('migrate.inferred.os79xxRunning', { protocol })
        : msg('migrate.inferred.os79xx')
      : inference.era === 'loader'
        ? protocol
          ? msg('migrate.inferred.loaderRunning', { protocol })
          : msg('migrate.inferred.loader')
        : protocol
          ? msg('migrate.inferred.unclear', { protocol })
          : msg('migrate.inferred.unknown');
  return msg('migrate.t.inferred', { what, evidence: inference.evidence });
}

/** Which console the demo's virtual phone got. */
export function consoleAttachedText(info: MigrationConsole, name: string | Message): Message {
  return info.kind === 'pty'
    ? msg('migrate.t.consolePty', { name, path: info.path ?? '' })
    : info.kind === 'in-process'
      ? info.detail
        ? msg('migrate.t.consoleInProcessDetail', { name, detail: info.detail })
        : msg('migrate.t.consoleInProcess', { name })
      : msg('migrate.t.consoleNone', { detail: info.detail ?? msg('migrate.consoleNone.unknown') });
}
