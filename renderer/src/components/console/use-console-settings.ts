import { useCallback } from 'react';
import type { Settings } from '../../../../shared/api/app';
import type { ConsoleMacro, ConsoleProfile } from '../../../../shared/api/serial';
import { useClient } from '../../api/client-context';
import { follow, useSnapshot } from '../../hooks/use-snapshot';

type ConsoleSettings = Settings['console'];
const EMPTY: ConsoleSettings = { profiles: [], macros: [] };
const FOLLOWS = [follow<ConsoleSettings, 'settings:changed'>('settings:changed', (_current, s) => s.console)];

/** Saved profiles and macros, as the settings file holds them; each change saves the whole list. */
export function useConsoleSettings() {
  const client = useClient();
  const { value, set } = useSnapshot<ConsoleSettings>(
    EMPTY,
    async (c) => {
      const r = await c.request('settings:get', {});
      return r.ok ? r.value.console : undefined;
    },
    FOLLOWS,
  );
  const save = useCallback(
    async (patch: { profiles?: ConsoleProfile[]; macros?: ConsoleMacro[] }) => {
      const r = await client.request('settings:update', { console: patch });
      if (r.ok) set(r.value.console);
      return r;
    },
    [client, set],
  );
  return { ...value, save };
}
