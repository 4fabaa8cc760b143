/**
 * The server's bookkeeping of live transfers, by TID (address:port), and who may start one more.
 *
 * A transfer is "under way" once its client answered (the first ACK of a read, the first DATA of a write). Only
 * transfers under way hold a client's slots: requests nobody answers (spoofed from the phone's address, say) cost
 * a little memory for a short while and are the first to go when room is needed, so they cannot lock the phone out.
 */

/** What a slot holds: anything that can be ended at once (its end releases the slot). */
export interface SlotTransfer {
  abort(reason: string, clientMessage?: string): void;
}

interface Slot<T extends SlotTransfer> {
  address: string;
  filename: string;
  /** Undefined while the request is being resolved (the file looked up, the socket bound). */
  transfer: T | undefined;
  underWay: boolean;
}

export interface SlotLimits {
  /** Transfers at once, all clients together. */
  global: number;
  /** Transfers under way at once from one address; as many more may wait for their client's first answer. */
  perClient: number;
}

export type Admission = { ok: true } | { ok: false; reason: 'busy' | 'client-busy'; limit: number };

export class TransferSlots<T extends SlotTransfer> {
  /** In arrival order: the first unconfirmed entry is the oldest. */
  private readonly slots = new Map<string, Slot<T>>();

  get size(): number {
    return this.slots.size;
  }

  get(key: string): { filename: string; transfer: T | undefined } | undefined {
    return this.slots.get(key);
  }

  transfers(): T[] {
    return [...this.slots.values()].flatMap((s) => (s.transfer ? [s.transfer] : []));
  }

  /** Addresses holding any slot. */
  clients(): number {
    return new Set([...this.slots.values()].map((s) => s.address)).size;
  }

  /**
   * Makes room for one more request from `address`, ending the oldest unanswered transfers where needed
   * (of this address first, then of anyone), or says which limit refuses it.
   */
  admit(address: string, limits: SlotLimits): Admission {
    const mine = [...this.slots.values()].filter((s) => s.address === address);
    if (mine.filter((s) => s.underWay).length >= limits.perClient) return { ok: false, reason: 'client-busy', limit: limits.perClient };
    if (mine.filter((s) => !s.underWay).length >= limits.perClient && !this.evictOldest(address)) {
      return { ok: false, reason: 'client-busy', limit: limits.perClient };
    }
    if (this.slots.size >= limits.global && !this.evictOldest(undefined)) return { ok: false, reason: 'busy', limit: limits.global };
    return { ok: true };
  }

  /** Holds the TID while the request is resolved, so a quick duplicate does not start a second transfer. */
  reserve(key: string, address: string, filename: string): void {
    this.slots.set(key, { address, filename, transfer: undefined, underWay: false });
  }

  attach(key: string, transfer: T): void {
    const slot = this.slots.get(key);
    if (slot) slot.transfer = transfer;
  }

  /** The client answered: from now on the transfer holds one of its address's slots. */
  confirm(key: string, transfer: T): void {
    const slot = this.slots.get(key);
    if (slot?.transfer === transfer) slot.underWay = true;
  }

  /** Frees the TID's slot; with `transfer`, only when that transfer still holds it. */
  release(key: string, transfer?: T): void {
    const slot = this.slots.get(key);
    if (slot && (transfer === undefined || slot.transfer === transfer)) this.slots.delete(key);
  }

  /** Ends the oldest transfer still waiting for its client's first answer (of `address`, or of anyone). */
  private evictOldest(address: string | undefined): boolean {
    for (const [key, slot] of this.slots) {
      if (slot.underWay || !slot.transfer || (address !== undefined && slot.address !== address)) continue;
      slot.transfer.abort('ended unanswered to make room for a newer request', 'Superseded by a newer request');
      this.slots.delete(key); // The abort releases it too; this makes sure.
      return true;
    }
    return false;
  }
}
