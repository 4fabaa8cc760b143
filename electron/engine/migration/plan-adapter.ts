import { formatFirmware } from '../../../shared/cisco/firmware-version';
import type { Plan } from '../../../shared/cisco/planner/plan-types';
import { msg, type Message } from '../../../shared/i18n/message';
import type { RunnerPlan } from './runner-plan';

/** The planner's plan as the runner drives it. Hops with no TFTP work (the CallManager checklist) cannot run. */
export function toRunnerPlan(plan: Plan): { ok: true; plan: RunnerPlan } | { ok: false; reason: Message } {
  const manual = plan.hops.find((h) => h.path === 'CM');
  if (manual) return { ok: false, reason: msg('planner.cm.notOverTftp') };
  return {
    ok: true,
    plan: {
      warnings: plan.warnings,
      hops: plan.hops.map((h) => ({
        title: msg('planner.hop.title', { from: formatFirmware(h.from), to: formatFirmware(h.to), path: h.path }),
        requiredFiles: h.requiredFiles,
        configs: h.configs,
        aliases: h.aliases,
        expectedRequests: h.expectedRequests,
        doneWhen: h.doneWhen,
        phoneShows: h.phoneShows,
        warnings: [...h.warnings, ...h.commands.map((command) => msg('planner.warn.runOnPc', { command }))],
        provenance: h.provenance.reason
          ? msg('migrate.provenanceWhy', { source: h.provenance.source, section: h.provenance.section, reason: h.provenance.reason })
          : msg('migrate.provenance', { source: h.provenance.source, section: h.provenance.section }),
      })),
    },
  };
}
