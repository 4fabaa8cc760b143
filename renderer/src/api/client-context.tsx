import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { EventName, Events } from '../../../shared/api/contract';
import type { ConnectionState, RendererClient } from './client';

const ClientContext = createContext<RendererClient | undefined>(undefined);

export function ClientProvider({ client, children }: { client: RendererClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): RendererClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}

/** Subscribes for the component's lifetime. */
export function useEvent<E extends EventName>(name: E, listener: (payload: Events[E]) => void): void {
  const client = useClient();
  useEffect(() => client.subscribe(name, listener), [client, name, listener]);
}

export function useConnectionState() {
  const client = useClient();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => client.onConnection(setState), [client]);
  return state;
}

/**
 * Calls `refetch` each time the connection comes back after a loss: events sent while the socket was down are
 * gone, so a page asks the engine for its state again.
 */
export function useReconnected(refetch: () => void): void {
  const client = useClient();
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => {
    let lost = false;
    return client.onConnection((state) => {
      if (state === 'closed') lost = true;
      if (state === 'open' && lost) {
        lost = false;
        latest.current();
      }
    });
  }, [client]);
}
