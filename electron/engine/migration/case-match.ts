import type { MatchKind } from '../../../shared/api/tftp';
import { msg, type Message } from '../../../shared/i18n/message';

/**
 * Phonebench's TFTP server finds a file whatever the case of the name asked for; a site's tftpd would not
 * (tftpd-hpa, Cisco IOS: exact names). The migration says so, once per file, so the technician renames the file
 * before moving the phone back to the site's server.
 */
export class CaseMatchWarnings {
  private readonly said = new Set<string>();

  /** The warning for a transfer whose name matched ignoring case, the first time only; else undefined. */
  note(requested: string, served: string, match: MatchKind): Message | undefined {
    if (match !== 'case-insensitive') return undefined;
    const key = `${requested}\u0000${served}`;
    if (this.said.has(key)) return undefined;
    this.said.add(key);
    return msg('migrate.t.caseInsensitiveMatch', { requested, served });
  }
}
