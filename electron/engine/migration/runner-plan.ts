import type { Message } from '../../../shared/i18n/message';

/**
 * The part of a migration plan the runner drives. The planner's Hop maps onto this (plan-adapter.ts); keeping
 * the runner's needs this small lets its tests script a plan by hand.
 */
export interface RunnerConfig {
  name: string;
  content: string;
  /** 'phone': served to this phone only; 'all': a default file, still served only to this phone here. */
  scope: 'phone' | 'all';
}

export interface RunnerHop {
  title: Message;
  /** Firmware files the bundle supplies for this hop. */
  requiredFiles: string[];
  /** Generated config files, served from memory. */
  configs: RunnerConfig[];
  /** Firmware files served under a second name (8.3 aliases for SIP 2.1 and earlier). */
  aliases: { alias: string; file: string }[];
  /** Names the phone should ask for during this hop, in order. */
  expectedRequests: string[];
  /**
   * Requests only the new image makes: once the phone has asked for every one of these after its last image
   * request of the hop, the new image runs and the hop is done. Empty: done when an image was requested.
   */
  doneWhen: string[];
  phoneShows: Message[];
  warnings: Message[];
  provenance: Message;
}

export interface RunnerPlan {
  hops: RunnerHop[];
  warnings: Message[];
}

/** Compares TFTP names as phones write them: no './' prefix, any case. */
export function sameTftpName(a: string, b: string): boolean {
  return a.replace(/^(\.\/)+/, '').toLowerCase() === b.replace(/^(\.\/)+/, '').toLowerCase();
}
