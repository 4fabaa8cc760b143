import type { planRequests } from '../../../shared/api/plan';
import { PhonebenchError } from '../../../shared/api/result';
import { lintConfigFile } from '../../../shared/cisco/lint/lint-config-file';
import { KNOWN_FIRMWARE } from '../../../shared/cisco/planner/known-firmware';
import { planMigration } from '../../../shared/cisco/planner/plan-migration';
import { resolveFirmware } from '../../../shared/cisco/planner/resolve-firmware';
import { refusalFix } from '../../../shared/cisco/planner/rule-fix';
import { msg } from '../../../shared/i18n/message';
import type { Domain, EngineContext } from '../context';

const FIRMWARE_FIX = msg('planner.fix.badFirmware');

function badFirmware(text: string): PhonebenchError {
  return new PhonebenchError('bad-request', msg('planner.error.badFirmware', { text }), FIRMWARE_FIX);
}

export function createPlanDomain(_ctx: EngineContext): Domain<typeof planRequests> {
  return {
    handlers: {
      'plan:create': (p) => {
        const from = resolveFirmware(p.from);
        if (from === undefined) throw badFirmware(p.from);
        const to = resolveFirmware(p.to);
        if (to === undefined || to === 'unknown') throw badFirmware(p.to);
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
          ...(p.via === undefined ? {} : { via: p.via }),
        });
        if (!outcome.ok && outcome.choice !== undefined) return { from, to, choice: outcome.choice };
        if (!outcome.ok) throw new PhonebenchError('plan-refused', outcome.reason, refusalFix(outcome));
        return { from, to, plan: outcome.plan };
      },
      'plan:lint': (p) => {
        const running = p.running === undefined ? undefined : resolveFirmware(p.running);
        if (running === undefined && p.running !== undefined) {
          throw badFirmware(p.running);
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
