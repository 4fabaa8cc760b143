import type { PhoneIpSource } from '../../../shared/api/migrate';
import type { TftpEvent } from '../../../shared/api/tftp';
import { macOfFileName } from '../../../shared/cisco/phone-files';
import { msg, type Message } from '../../../shared/i18n/message';

/** What the gate needs from the TFTP server: the single-phone lock. */
export interface AllowlistTarget {
  setAllowlist(ips: string[] | null): void;
}

/** What to do with one request: serve it, learn the phone's address from it first, or refuse it. */
/** A refusal's reason in English (the JSON report) and as a message (the timeline and the report's words). */
export type GateVerdict = { kind: 'admit' } | { kind: 'learn' } | { kind: 'refuse'; reason: string; said: Message };

const UNPLACED_LIMIT = 32;

/**
 * The single-phone gate: only the phone being migrated is served. Its address is entered, leased by the bench
 * DHCP, or learned from its first request naming its MAC; until then no one is served.
 */
export class PhoneGate {
  private ipValue: string | undefined;
  private sourceValue: PhoneIpSource | undefined;
  private target: AllowlistTarget | undefined;
  /** Requests the gate refused itself: the server reports them too, and they count once. */
  private readonly ownRefusals = new Set<string>();
  /** Requests seen before the phone's address was known; replayed for that address once it is. */
  private readonly unplaced: TftpEvent[] = [];

  constructor(
    private readonly mac: string,
    ip: string | undefined,
    source: PhoneIpSource | undefined,
  ) {
    this.ipValue = ip;
    this.sourceValue = ip ? (source ?? 'entered') : undefined;
  }

  get ip(): string | undefined {
    return this.ipValue;
  }

  get source(): PhoneIpSource | undefined {
    return this.sourceValue;
  }

  /** Locks the TFTP server to the phone when its address is known, and keeps it locked as it changes. */
  attach(target: AllowlistTarget): void {
    this.target = target;
    target.setAllowlist(this.ipValue ? [this.ipValue] : null);
  }

  /** Takes the phone's address; false when it was already the one known. */
  learn(ip: string, source: PhoneIpSource): boolean {
    if (this.ipValue === ip) return false;
    this.ipValue = ip;
    this.sourceValue = source;
    this.target?.setAllowlist([ip]);
    return true;
  }

  /** Judges one request; a refusal is remembered so the server's own report of it is not counted again. */
  judge(client: string, requestedName: string): GateVerdict {
    if (this.ipValue === undefined) {
      const named = macOfFileName(requestedName);
      if (named?.mac === this.mac) return { kind: 'learn' };
      return named
        ? this.refusal(client, requestedName, `names another phone (${named.mac})`, msg('migrate.refusedReason.anotherPhone', { mac: named.mac }))
        : this.refusal(client, requestedName, 'names no phone and the phone IP is not known', msg('migrate.refusedReason.noPhoneNamed'));
    }
    if (client !== this.ipValue) return this.refusal(client, requestedName, 'another address', msg('migrate.refusedReason.otherAddress'));
    return { kind: 'admit' };
  }

  /** True (once) when the server's refusal is one the gate already counted. */
  takeOwnRefusal(client: string, file: string): boolean {
    return this.ownRefusals.delete(`${client}\n${file}`);
  }

  /** Keeps a request that came before the phone's address was known (the latest few). */
  hold(e: TftpEvent): void {
    if (this.unplaced.length >= UNPLACED_LIMIT) this.unplaced.shift();
    this.unplaced.push(e);
  }

  /** Empties the held requests; returns those the phone at `ip` made. */
  takeHeldFor(ip: string): TftpEvent[] {
    return this.unplaced.splice(0).filter((e) => e.type === 'request' && e.client.address === ip);
  }

  private refusal(client: string, requestedName: string, reason: string, said: Message): GateVerdict {
    this.ownRefusals.add(`${client}\n${requestedName}`);
    return { kind: 'refuse', reason, said };
  }
}
