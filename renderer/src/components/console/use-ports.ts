import { useCallback, useRef, useState } from 'react';
import { DEFAULT_LINE_SETTINGS, type PortList, type SerialStateEvent } from '../../../../shared/api/serial';
import type { AppError } from '../../../../shared/api/result';
import { useEvent } from '../../api/client-context';
import { useSnapshot } from '../../hooks/use-snapshot';
import type { PortChoice } from './port-form';

const NO_FOLLOWS: never[] = [];

/** The port list (re-read after a reconnect) and the technician's choice of port and line settings. */
export function usePorts(setError: (error: AppError) => void) {
  const [choice, setChoice] = useState<PortChoice>({ path: '', autoReconnect: true, ...DEFAULT_LINE_SETTINGS });
  const touched = useRef(false);
  const ports = useSnapshot<PortList | undefined>(
    undefined,
    async (c) => {
      const result = await c.request('serial:list', {});
      if (!result.ok) {
        setError(result.error);
        return undefined;
      }
      // Pre-select the first port only until the technician picks one: a late list must not undo their choice.
      const first = result.value.ports[0];
      setChoice((current) => (touched.current || current.path || !first ? current : { ...current, path: first.path }));
      return () => result.value;
    },
    NO_FOLLOWS,
  );
  const { reread } = ports;

  const pick = useCallback((next: PortChoice) => {
    touched.current = true;
    setChoice(next);
  }, []);
  /** What a session opened elsewhere (or adopted) uses. */
  const adopt = useCallback((next: PortChoice) => setChoice(next), []);

  // A virtual port (the demo's phone) is gone for good once closed: do not offer it again.
  useEvent(
    'serial:state',
    useCallback(
      (event: SerialStateEvent) => {
        if (event.state !== 'closed' || event.session.label === undefined) return;
        touched.current = false;
        setChoice((current) => (current.path === event.session.path ? { ...current, path: '' } : current));
        void reread();
      },
      [reread],
    ),
  );
  return { ports: ports.value, choice, pick, adopt, refresh: reread };
}
