import type { planRequests } from '../../../shared/api/plan';
import { PhonebenchError } from '../../../shared/api/result';
import { lintConfigFile } from '../../../shared/cisco/lint/lint-config-file';
import { KNOWN_FIRMWARE } from '../../../shared/cisco/planner/known-firmware';
import { planMigration } from '../../../shared/cisco/planner/plan-migration';
import { resolveFirmware } from '../../../shared/cisco/planner/resolve-firmware';
import type { Domain, EngineContext } from '../context';

const FIRMWARE_FIX = 'Write a label such as "SCCP 8.1(2)SR2" or "SIP 8.12", or an image id such as P0S3-07-4-00.';

/** Fixes for refusal rules, when the technician can do something about them. */
const RULE_FIX: Record<string, string | undefined> = {
  'signed-no-downgrade': 'Pick a target of 5.0 or later.',
  'mgcp-out-of-scope': 'Plan SCCP or SIP firmware.',
  'unknown-start': 'Read Settings > Status > Firmware Versions on the phone and plan from it.',
  'bad-mac': 'Use the 12 hex digits on the sticker under the phone.',
  'cme-needs-sccp5': 'Pick SIP 5.0 or later, or plan with context bench.',
};

export function createPlanDomain(_ctx: EngineContext): Domain<typeof planRequests> {
  return {
    handlers: {
      'plan:create': (p) => {
        const from = resolveFirmware(p.from);
        if (from === undefined) throw new PhonebenchError('bad-request', `"${p.from}" is not a firmware release or image name.`, FIRMWARE_FIX);
        const to = resolveFirmware(p.to);
        if (to === undefined || to === 'unknown') throw new PhonebenchError('bad-request', `"${p.to}" is not a firmware release or image name.`, FIRMWARE_FIX);
        const outcome = planMigration({
          model: p.model,
          mac: p.mac,
          from,
          to,
          context: p.context,
          ...(p.libraryFiles === undefined ? {} : { library: { files: p.libraryFiles } }),
          ...(p.sipSettings === undefined ? {} : { sipSettings: p.sipSettings }),
          ...(p.r3 === undefined ? {} : { r3: p.r3 }),
          ...(p.r3UpgradeCode === undefined ? {} : { r3UpgradeCode: p.r3UpgradeCode }),
          ...(p.viaSip23 === undefined ? {} : { viaSip23: p.viaSip23 }),
        });
        if (!outcome.ok) throw new PhonebenchError('plan-refused', outcome.reason, RULE_FIX[outcome.rule]);
        return { from, to, plan: outcome.plan };
      },
      'plan:lint': (p) => {
        const running = p.running === undefined ? undefined : resolveFirmware(p.running);
        if (running === undefined && p.running !== undefined) {
          throw new PhonebenchError('bad-request', `"${p.running}" is not a firmware release or image name.`, FIRMWARE_FIX);
        }
        const findings = lintConfigFile(p.fileName, p.text, {
          ...(p.libraryFiles === undefined ? {} : { library: p.libraryFiles }),
          ...(p.planProtocol === undefined ? {} : { planProtocol: p.planProtocol }),
          ...(running === undefined || running === 'unknown' ? {} : { running }),
        });
        return { findings };
      },
      'plan:known-firmware': () => KNOWN_FIRMWARE.map((k) => ({ ...k, version: { ...k.version } })),
    },
    async close() {},
  };
}
