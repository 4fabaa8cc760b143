import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { EventName, Events } from '../../../shared/api/contract';
import { useClient, useReconnected } from '../api/client-context';
import type { RendererClient } from '../api/client';

/** How one engine event changes the snapshot a page holds. */
export interface Follow<T> {
  subscribe(client: RendererClient, update: (change: (current: T) => T) => void): () => void;
}

/** Applies `name`'s payloads to the snapshot with `apply` (return `current` to ignore one). */
export function follow<T, E extends EventName>(name: E, apply: (current: T, payload: Events[E]) => T): Follow<T> {
  return { subscribe: (client, update) => client.subscribe(name, (payload) => update((current) => apply(current, payload))) };
}

export interface Snapshot<T> {
  value: T;
  /** For the page's own changes (a reply to start or stop, say); the next read or event may replace them. */
  set: Dispatch<SetStateAction<T>>;
  /** Reads the engine's copy again. */
  reread: () => Promise<void>;
}

/**
 * A service's state as the engine holds it: read once on mount, kept current by the service's events, and read
 * again after the connection comes back (events sent while it was down are gone). `read` resolves to the new
 * snapshot, or to a function of the current one when a page keeps something of its own; `undefined` keeps it.
 * `read` and `follows` may be new on each render: the latest are used, and events are subscribed once.
 */
export function useSnapshot<T>(
  initial: T | (() => T),
  read: (client: RendererClient) => Promise<T | ((current: T) => T) | undefined>,
  follows: readonly Follow<T>[],
): Snapshot<T> {
  const client = useClient();
  const [value, set] = useState<T>(initial);
  const readRef = useRef(read);
  readRef.current = read;
  const followsRef = useRef(follows);
  followsRef.current = follows;
  const alive = useRef(true);

  const reread = useCallback(async () => {
    const next = await readRef.current(client);
    if (next !== undefined && alive.current) set(next);
  }, [client]);

  useEffect(() => {
    alive.current = true;
    const unsubscribe = followsRef.current.map((f) => f.subscribe(client, (change) => set(change)));
    void reread();
    return () => {
      alive.current = false;
      for (const u of unsubscribe) u();
    };
  }, [client, reread]);

  useReconnected(() => void reread());
  return { value, set, reread };
}
