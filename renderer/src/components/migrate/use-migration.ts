import { useCallback, useState } from 'react';
import type { ParamsOf } from '../../../../shared/api/contract';
import type { MigrationStatus, TimelineEntry } from '../../../../shared/api/migrate';
import type { AppError } from '../../../../shared/api/result';
import { useClient } from '../../api/client-context';
import { follow, useSnapshot } from '../../hooks/use-snapshot';
import type { Choices } from './wizard-state';

/** The migration service as a page sees it: the current (or last) run and its timeline. */
export interface MigrationView {
  status?: MigrationStatus;
  timeline: TimelineEntry[];
}

const FINAL = new Set(['succeeded', 'failed', 'stopped']);
export const isFinal = (status: MigrationStatus | undefined): boolean => status !== undefined && FINAL.has(status.state);

const TIMELINE_KEPT = 2000;

const FOLLOWS = [
  follow<MigrationView, 'migrate:state'>('migrate:state', (view, status) => ({ ...view, status })),
  follow<MigrationView, 'migrate:timeline'>('migrate:timeline', (view, e) =>
    view.timeline.some((x) => x.seq === e.seq && x.at === e.at) ? view : { ...view, timeline: [...view.timeline, e].slice(-TIMELINE_KEPT) },
  ),
];

/** The parameters of `migrate:start` for these choices (the demo's loopback and port 0 decided here). */
export function startParams(c: Choices, consoleSessionId: string | undefined): ParamsOf<'migrate:start'> {
  return {
    mac: c.mac,
    model: c.model,
    bundleId: c.bundleId,
    bindAddress: c.demo ? '127.0.0.1' : c.bindAddress,
    port: c.demo ? 0 : c.port,
    demo: c.demo,
    ...(c.listenFirst || !c.from.trim() ? {} : { from: c.from.trim() }),
    ...(c.via.length > 0 ? { via: c.via } : {}),
    ...(c.phoneIp && !c.demo ? { phoneIp: c.phoneIp } : {}),
    ...(c.dhcp && c.dhcpOffer && !c.demo ? { dhcp: { offerIp: c.dhcpOffer } } : {}),
    ...(consoleSessionId && !c.demo ? { consoleSessionId } : {}),
  };
}

/**
 * Reads the migration's snapshot, follows its events, and re-reads after a reconnect; start and stop answer with
 * the new status. The page keeps only its wizard state.
 */
export function useMigration() {
  const { value, set, reread } = useSnapshot<MigrationView>(
    { timeline: [] },
    async (client) => {
      const [status, timeline] = await Promise.all([client.request('migrate:status', {}), client.request('migrate:timeline', {})]);
      if (!status.ok) return undefined;
      return { status: status.value ?? undefined, timeline: timeline.ok ? timeline.value.slice(-TIMELINE_KEPT) : [] };
    },
    FOLLOWS,
  );
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);
  const consoleSessionId = useOpenConsole();

  const client = useClient();
  const start = useCallback(
    async (c: Choices) => {
      setBusy(true);
      setError(undefined);
      set((view) => ({ ...view, timeline: [] }));
      const r = await client.request('migrate:start', startParams(c, consoleSessionId));
      setBusy(false);
      if (!r.ok) {
        setError(r.error);
        return undefined;
      }
      const status = r.value;
      set((view) => ({ ...view, status }));
      return status;
    },
    [client, consoleSessionId, set],
  );
  const stop = useCallback(async () => {
    const r = await client.request('migrate:stop', {});
    if (r.ok && r.value) {
      const status = r.value;
      set((view) => ({ ...view, status }));
    }
  }, [client, set]);
  return { status: value.status, timeline: value.timeline, error, setError, busy, start, stop, reread };
}

/** The console opened by hand beside the timeline, if any: its text goes into the hints and the report. */
function useOpenConsole(): string | undefined {
  const { value } = useSnapshot<{ id?: string }>(
    {},
    async (client) => {
      const r = await client.request('serial:sessions', {});
      // Never the demo's virtual phone (it has a label), whose console ends with the demo.
      return r.ok ? { id: r.value.find((s) => s.state !== 'closed' && s.label === undefined)?.id } : undefined;
    },
    OPEN_CONSOLE_FOLLOWS,
  );
  return value.id;
}

const OPEN_CONSOLE_FOLLOWS = [
  follow<{ id?: string }, 'serial:state'>('serial:state', (current, e) => {
    if (e.state === 'connected' && e.session.label === undefined) return { id: e.sessionId };
    return e.state === 'closed' && current.id === e.sessionId ? {} : current;
  }),
];
