import { useCallback, useState } from 'react';
import type { BundleSummary } from '../../../../shared/api/firmware';
import { useClient } from '../../api/client-context';
import type { Choices } from './wizard-state';

const DEMO_MAC = '00:0E:84:C0:60:A6';
/** Where the virtual phone starts, tried in turn until the planner accepts one. */
const DEMO_FROM_FOR_SIP = ['SCCP 8.1(2)', 'SCCP 5.0(1.1)', 'SCCP 3.1'];
const DEMO_FROM_FOR_SCCP = ['SIP 8.12', 'SIP 7.4', 'SIP 4.4', 'SCCP 5.0(1.1)'];

/**
 * "Try with a virtual phone": the chosen bundle first, then complete ones; the first start the planner accepts
 * is the demo. `run` gets the demo's choices; `needed` is set when no bundle makes one.
 */
export function useDemo(choices: Choices, run: (c: Choices) => Promise<void>) {
  const client = useClient();
  const [needed, setNeeded] = useState(false);
  const tryDemo = useCallback(async () => {
    setNeeded(false);
    const list = await client.request('firmware:list', {});
    const bundles: BundleSummary[] = list.ok ? list.value : [];
    const mac = choices.mac || DEMO_MAC;
    const candidates = [
      ...bundles.filter((b) => b.id === choices.bundleId),
      ...bundles.filter((b) => b.id !== choices.bundleId && b.versionLabel && b.complete),
      ...bundles.filter((b) => b.id !== choices.bundleId && b.versionLabel && !b.complete),
    ];
    const attempt = async (bundle: BundleSummary): Promise<boolean> => {
      const starts = choices.from.trim() ? [choices.from.trim()] : bundle.protocol === 'SIP' ? DEMO_FROM_FOR_SIP : DEMO_FROM_FOR_SCCP;
      for (const from of starts) {
        const p = await client.request('migrate:preview', { mac, model: choices.model, bundleId: bundle.id, from });
        if (!p.ok || !p.value.ok) continue;
        await run({ ...choices, mac, from, listenFirst: false, bundleId: bundle.id, demo: true });
        return true;
      }
      return false;
    };
    for (const bundle of candidates) if (await attempt(bundle)) return;
    // Nothing imported makes a demo (a fresh install): the demo library's synthetic bundles, built at first use.
    const demoBundles = await client.request('migrate:demo-bundles', {});
    for (const bundle of demoBundles.ok ? demoBundles.value : []) if (await attempt(bundle)) return;
    setNeeded(true);
  }, [client, choices, run]);
  return { tryDemo, needed };
}
