import { RateBucket } from '../rate-bucket';

/** How much the bench DHCP answers; a phone sends a few packets a minute, a flood stops here. */
export interface DhcpLimits {
  /** Requests per second from one MAC, sustained, after a burst of `perMacBurst`. */
  perMacPerSecond: number;
  perMacBurst: number;
  /** Datagrams per second from everyone together (malformed ones included), after `globalBurst`. */
  globalPerSecond: number;
  globalBurst: number;
  /** MACs remembered at once; the one heard from longest ago is forgotten first. */
  maxPeers: number;
}

export const DEFAULT_DHCP_LIMITS: DhcpLimits = {
  perMacPerSecond: 5,
  perMacBurst: 10,
  globalPerSecond: 100,
  globalBurst: 200,
  maxPeers: 256,
};

export interface DhcpLimiterStats {
  /** Datagrams seen, answered or not. */
  seen: number;
  /** Datagrams dropped by a limit, unread past the limit. */
  dropped: number;
  /** MACs with a rate bucket now; never more than maxPeers. */
  peers: number;
}

/** Per-MAC and global rate limits with bounded state and no timer. */
export class DhcpRequestLimiter {
  private readonly global: RateBucket;
  private readonly peers = new Map<string, RateBucket>();
  private seen = 0;
  private dropped = 0;

  constructor(
    private readonly limits: DhcpLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.global = new RateBucket(limits.globalPerSecond, limits.globalBurst, now);
  }

  /**
   * Before decoding: false when every peer together is over the global rate. The target phone's datagrams do not
   * draw on that budget (only on their own MAC's), so a flood from other MACs cannot starve its offers.
   */
  admitDatagram(fromTarget = false): boolean {
    this.seen += 1;
    if (fromTarget || this.global.take()) return true;
    this.dropped += 1;
    return false;
  }

  /** After decoding: false when this MAC is over its own rate. */
  admitMac(mac: string): boolean {
    let bucket = this.peers.get(mac);
    if (bucket === undefined) {
      if (this.peers.size >= this.limits.maxPeers) {
        const oldest = this.peers.keys().next().value;
        if (oldest !== undefined) this.peers.delete(oldest);
      }
      bucket = new RateBucket(this.limits.perMacPerSecond, this.limits.perMacBurst, this.now);
    } else {
      this.peers.delete(mac); // re-inserted below: the map's order is least recently heard first
    }
    this.peers.set(mac, bucket);
    if (bucket.take()) return true;
    this.dropped += 1;
    return false;
  }

  stats(): DhcpLimiterStats {
    return { seen: this.seen, dropped: this.dropped, peers: this.peers.size };
  }
}
