import { z } from 'zod';
import type { KnownFirmware } from '../cisco/planner/known-firmware';
import type { LintFinding } from '../cisco/lint/lint-config-file';
import type { FirmwareVersion } from '../cisco/firmware-version';
import type { Plan, PlanChoice } from '../cisco/planner/plan-types';
import { request, type AnyRequestDefs } from './define';

/** The plan domain: migration plans for one phone, and the config file linter. */

const firmwareText = z.string().trim().min(1).max(64);
const fileName = z.string().min(1).max(255).regex(/^[^\0/\\]+$/, 'a file name, without directories');
/** SIP parameter names and values as the config writer accepts them (no quotes, no line breaks). */
const sipSettings = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), z.string().max(256).regex(/^[^"\r\n]*$/))
  .refine((r) => Object.keys(r).length <= 200, 'at most 200 SIP parameters');

export const planCreateParams = z.object({
  model: z.enum(['7940', '7960']),
  mac: z.string().min(1).max(32),
  /** A label ("SCCP 3.1"), an image id ("P0S3-07-4-00") or "unknown". */
  from: firmwareText,
  /** A label ("SIP 8.12") or an image id. */
  to: firmwareText,
  context: z.enum(['bench', 'cucm', 'cme']),
  libraryFiles: z.array(fileName).max(10_000).optional(),
  sipSettings: sipSettings.optional(),
  r3: z.enum(['as-written', 'field', 'sip7']).optional(),
  r3UpgradeCode: z
    .object({ build: z.string().regex(/^[0-9A-Fa-f]{1,12}$/), file: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/) })
    .optional(),
  viaSip23: z.boolean().optional(),
  /** Loads chosen from the library for stops no source names exactly (an image id or file name each). */
  via: z.array(z.string().trim().min(1).max(64)).max(4).optional(),
});

export interface PlanCreated {
  from: FirmwareVersion | 'unknown';
  to: FirmwareVersion;
  plan: Plan;
}

/** No plan yet: the technician must choose a load for one stop, then ask again with `via`. */
export interface PlanChoiceNeeded {
  from: FirmwareVersion | 'unknown';
  to: FirmwareVersion;
  choice: PlanChoice;
}

export function needsChoice(value: PlanCreated | PlanChoiceNeeded): value is PlanChoiceNeeded {
  return 'choice' in value;
}

export const planLintParams = z.object({
  fileName,
  text: z.string().max(1_000_000),
  libraryFiles: z.array(fileName).max(10_000).optional(),
  /** The protocol the plan moves the phone to. */
  planProtocol: z.enum(['SCCP', 'SIP']).optional(),
  /** The firmware the phone runs now, as a label or image id. */
  running: firmwareText.optional(),
});

export interface PlanLinted {
  findings: LintFinding[];
}

/** Requests of the plan domain, named 'plan:<verb>'. */
export const planRequests = {
  /** Refused plans fail with 'plan-refused' and the rule's reason; a stop to choose comes back as PlanChoiceNeeded. */
  'plan:create': request<typeof planCreateParams, PlanCreated | PlanChoiceNeeded>(planCreateParams),
  'plan:lint': request<typeof planLintParams, PlanLinted>(planLintParams),
  'plan:known-firmware': request<z.ZodObject<Record<string, never>>, KnownFirmware[]>(z.object({})),
} satisfies AnyRequestDefs;

/** Events of the plan domain, named 'plan:<noun>'. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlanEvents {}
