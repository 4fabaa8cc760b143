import type { Message } from '../../../shared/i18n/message';

export interface RefusedRecord {
  at: string;
  client: string;
  file: string;
  /** Why, in English (tools read it from the JSON report). */
  reason: string;
  /** Why, as a message the report says in its language. */
  said?: Message;
  count: number;
}

const REFUSED_LIMIT = 1000;

/** Who was refused what, counted once per client and name, for the report. */
export class RefusedLog {
  private readonly records = new Map<string, RefusedRecord>();

  constructor(private readonly now: () => Date) {}

  /** Counts a refused TFTP request; true the first time this client asks for this name (worth a timeline line). */
  tftp(client: string, file: string, reason: string, said?: Message): boolean {
    let key = `${client}\n${file}`;
    // A flood of distinct names must not grow the record without end: past the cap, one line counts the rest.
    if (!this.records.has(key) && this.records.size >= REFUSED_LIMIT) {
      key = 'overflow';
      if (!this.records.has(key)) this.records.set(key, { at: this.now().toISOString(), client: '*', file: '*', reason: 'more refused requests than the report lists', count: 0 });
    }
    return this.count(key, () => (said === undefined ? { client, file, reason } : { client, file, reason, said }));
  }

  /** Counts a DHCP message the bench DHCP ignored (another MAC); true the first time for that MAC. */
  dhcp(mac: string, messageType: string): boolean {
    return this.count(`dhcp\n${mac}`, () => ({ client: mac, file: `DHCP ${messageType}`, reason: 'another MAC' }));
  }

  /** Takes out the TFTP refusals of `client`: they turned out to be the phone's own, not another machine's. */
  takeClient(client: string): RefusedRecord[] {
    const taken: RefusedRecord[] = [];
    for (const [key, record] of this.records) {
      if (key.startsWith('dhcp\n') || key === 'overflow' || record.client !== client) continue;
      this.records.delete(key);
      taken.push(record);
    }
    return taken;
  }

  list(): RefusedRecord[] {
    return [...this.records.values()];
  }

  private count(key: string, first: () => Omit<RefusedRecord, 'at' | 'count'>): boolean {
    const known = this.records.get(key);
    if (known) {
      known.count += 1;
      return false;
    }
    this.records.set(key, { at: this.now().toISOString(), ...first(), count: 1 });
    return true;
  }
}
