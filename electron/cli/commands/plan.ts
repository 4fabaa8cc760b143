import { needsChoice, type PlanChoiceNeeded, type PlanCreated } from '../../../shared/api/plan';
import type { Engine } from '../../engine/engine';
import { formatMessage } from '../../../shared/i18n/format';
import type { Message } from '../../../shared/i18n/message';
import { maskSecrets } from '../../../shared/cisco/config/mask-secrets';
import { formatFirmware } from '../../../shared/cisco/firmware-version';
import { imageIdFor } from '../../../shared/cisco/image-name';
import type { Hop } from '../../../shared/cisco/planner/plan-types';
import { COMMON_OPTIONS, EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseFlags, plural, type CliCommand, type CliIo } from '../command';
import { reportError, resolveDataDir, withEngine } from '../engine-command';

const USAGE = [
  'phonebench plan --model 7940|7960 --mac MAC (--from LABEL | --from-image ID) --to LABEL',
  '                [--context bench|cucm|cme] [--r3 as-written|field|sip7] [--via-sip23] [--via LOAD]... [--json] [--data-dir DIR]',
  '  --from "SCCP 3.1" | "SIP 7.4" | unknown    --from-image P0S3-07-4-00    --to "SIP 8.12"',
  '  --via P00306000200   a load from the library (or a real load Phonebench knows) for a stop the plan offers',
].join('\n');

const OPTIONS = {
  ...COMMON_OPTIONS,
  model: { type: 'string' },
  mac: { type: 'string' },
  from: { type: 'string' },
  'from-image': { type: 'string' },
  to: { type: 'string' },
  'to-bundle': { type: 'string' },
  context: { type: 'string', default: 'bench' },
  r3: { type: 'string' },
  'via-sip23': { type: 'boolean', default: false },
  via: { type: 'string', multiple: true },
} as const;

/** The CLI speaks English. */
function en(m: Message): string {
  return formatMessage('en', m);
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`phonebench plan: ${message}\nusage: ${USAGE}\n`);
  return EXIT_USAGE;
}

export const planCommand: CliCommand = {
  name: 'plan',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, OPTIONS);
    if (values['to-bundle'] !== undefined) {
      return usageError(io, '--to-bundle is not available in this build; give the target release with --to (e.g. --to "SIP 8.12").');
    }
    const model = values.model;
    if (model !== '7940' && model !== '7960') return usageError(io, '--model must be 7940 or 7960.');
    if (values.mac === undefined) return usageError(io, '--mac is required (the 12 hex digits under the phone).');
    if ((values.from === undefined) === (values['from-image'] === undefined)) return usageError(io, 'give exactly one of --from and --from-image.');
    if (values.to === undefined) return usageError(io, '--to is required.');
    const context = values.context;
    if (context !== 'bench' && context !== 'cucm' && context !== 'cme') return usageError(io, '--context must be bench, cucm or cme.');
    const r3 = values.r3;
    if (r3 !== undefined && r3 !== 'as-written' && r3 !== 'field' && r3 !== 'sip7') return usageError(io, '--r3 must be as-written, field or sip7.');
    const dataDir = resolveDataDir(values['data-dir'], io.env);
    return withEngine(dataDir, async (engine) => {
      const params = {
        model,
        mac: values.mac ?? '',
        from: values.from ?? values['from-image'] ?? '',
        to: values.to ?? '',
        context,
        ...(r3 === undefined ? {} : { r3 }),
        viaSip23: values['via-sip23'],
        ...(values.via === undefined ? {} : { via: values.via }),
        // The library decides: its packages name their own loads, --via loads must be in it, 4.x stops offered.
        libraryFiles: await libraryFiles(engine),
      };
      const result = await engine.request('plan:create', params);
      if (!result.ok) return reportError(io, result.error, values.json);
      const value = result.value;
      if (needsChoice(value)) {
        if (values.json) io.stdout(`${JSON.stringify({ ok: false, needsChoice: value.choice, message: en(value.choice.reason) }, null, 2)}\n`);
        else io.stderr(renderChoice(value));
        return EXIT_FAILED;
      }
      if (values.json) {
        io.stdout(`${JSON.stringify({ ok: true, value: masked(value) }, null, 2)}\n`);
        return EXIT_OK;
      }
      io.stdout(renderPlan(masked(value)));
      return EXIT_OK;
    }, io);
  },
};

/** Every file name in the firmware library, to list the loads that fit a stop. */
async function libraryFiles(engine: Engine): Promise<string[]> {
  const list = await engine.request('firmware:list', {});
  if (!list.ok) return [];
  const names = new Set<string>();
  for (const bundle of list.value) {
    const shown = await engine.request('firmware:show', { id: bundle.id });
    if (shown.ok) for (const f of shown.value.files) names.add(f.name.split('/').pop() ?? f.name);
  }
  return [...names];
}

export function renderChoice(needed: PlanChoiceNeeded): string {
  const { choice } = needed;
  const out = [`phonebench plan: a load must be chosen (${choice.protocol} ${choice.major}.x) before this plan can be made.`, `  ${en(choice.reason)}`];
  if (choice.candidates.length > 0) {
    out.push('  Loads in the library that fit:', ...choice.candidates.map((c) => `    --via ${c}`));
  } else {
    out.push(`  The library holds no ${choice.protocol} ${choice.major}.x load: import the Cisco package, then plan again with --via <its load id>.`);
  }
  return `${out.join('\n')}\n`;
}

/** Passwords never leave in output, JSON included. */
function masked(created: PlanCreated): PlanCreated {
  const maskConfigs = <T extends { content: string }>(list: T[]): T[] => list.map((c) => ({ ...c, content: maskSecrets(c.content) }));
  return {
    ...created,
    plan: {
      ...created.plan,
      hops: created.plan.hops.map((h) => ({ ...h, configs: maskConfigs(h.configs) })),
      finalConfigs: maskConfigs(created.plan.finalConfigs),
    },
  };
}

export function renderPlan(created: PlanCreated): string {
  const { plan } = created;
  const from = created.from === 'unknown' ? 'unknown firmware' : formatFirmware(created.from);
  const out: string[] = [`Plan: ${from} -> ${formatFirmware(created.to)} (${imageIdFor(created.to)}), ${plural(plan.hops.length, 'hop')}`];
  for (const w of plan.warnings) out.push(`  ! ${en(w)}`);
  for (const hop of plan.hops) out.push('', ...renderHop(hop, hop.index === 1 ? from : formatFirmware(hop.from)));
  if (plan.finalConfigs.length > 0) {
    out.push('', 'When the last hop is done, leave these configs in the TFTP root:');
    for (const c of plan.finalConfigs) out.push(`  ${c.name}`);
    for (const n of plan.finalNotes) out.push(`  ! ${en(n)}`);
  }
  return `${out.join('\n')}\n`;
}

function renderHop(hop: Hop, fromLabel: string): string[] {
  const p = hop.provenance;
  const out = [
    `Hop ${hop.index}: ${hop.path}  ${fromLabel} -> ${formatFirmware(hop.to)}  [${p.source}, section ${p.section}]`,
  ];
  if (p.reason !== undefined) out.push(`  Inferred: ${en(p.reason)}`);
  if (hop.requiredFiles.length > 0) out.push('  Files in the TFTP root:', ...hop.requiredFiles.map((f) => `    ${f}`));
  for (const a of hop.aliases) out.push(`  Serve ${a.file} also as ${a.alias}`);
  for (const c of hop.configs) {
    out.push(`  Config ${c.name} (${c.scope === 'all' ? 'every phone' : 'this phone'}):`);
    out.push(...c.content.replace(/\n$/, '').split('\n').map((l) => `    | ${l}`));
  }
  for (const c of hop.commands) out.push(`  Run: ${c}`);
  for (const c of hop.checklist) out.push(`  - ${en(c)}`);
  if (hop.expectedRequests.length > 0) out.push(`  The phone should ask for: ${hop.expectedRequests.join(', ')}`);
  if (hop.doneWhen.length > 0) out.push(`  Done when, after the image: ${hop.doneWhen.join(', ')}`);
  for (const s of hop.phoneShows) out.push(`  Screen: ${en(s)}`);
  for (const w of hop.warnings) out.push(`  ! ${en(w)}`);
  return out;
}

