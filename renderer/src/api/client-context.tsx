import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { EventName, Events } from '../../../shared/api/contract';
import type { RendererClient } from './client';

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
  const [state, setState] = useState<'connecting' | 'open' | 'closed'>('connecting');
  useEffect(() => client.onConnection(setState), [client]);
  return state;
}
