import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { MigrationStatus, TimelineEntry } from '../../../shared/api/migrate';
import { formatMessage } from '../../../shared/i18n/format';
import type { Message } from '../../../shared/i18n/message';
import { escapeTerminalText } from '../../../shared/text/terminal-text';
import { writeFileAtomic } from '../../engine/atomic-write';
import { COMMON_OPTIONS, EXIT_FAILED, EXIT_OK, parseFlags, plural, UsageError, type CliCommand, type CliIo } from '../command';
import { reportError, resolveDataDir, withEngine } from '../engine-command';

const OPTIONS = {
  ...COMMON_OPTIONS,
  mac: { type: 'string' },
  model: { type: 'string', default: '7960' },
  'to-bundle': { type: 'string' },
  bind: { type: 'string' },
  port: { type: 'string' },
  'phone-ip': { type: 'string' },
  from: { type: 'string' },
  demo: { type: 'boolean', default: false },
  'dhcp-offer': { type: 'string' },
  'dhcp-router': { type: 'string' },
  report: { type: 'string' },
  linger: { type: 'string' },
  via: { type: 'string', multiple: true },
} as const;

const USAGE =
  'phonebench migrate --mac MAC --model 7960|7940 --to-bundle ID --bind ADDR [--port N] [--phone-ip IP] [--from FIRMWARE] ' +
  '[--via LOAD]... [--demo (then --mac and --bind are optional)] [--dhcp-offer IP [--dhcp-router IP]] [--report FILE.html|FILE.json] [--linger SECONDS] [--json]\n' +
  '--via names a library load for a stop no source names exactly (`phonebench plan` lists the ones that fit).\n' +
  'Exit code 0 only when the phone runs the target (also when it already did: --json then says "alreadyThere": true).';

type EngineLike = Parameters<Parameters<typeof withEngine>[1]>[0];

const FINAL = new Set(['succeeded', 'failed', 'stopped']);

/** One migration from the command line; exit 0 only when the phone reached the target. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, OPTIONS);
    if (!values['to-bundle'] && !values.demo) throw new UsageError('--to-bundle is required (the bundle id from `phonebench firmware list`)');
    if (!values.mac && !values.demo) throw new UsageError('--mac is required (the 12 hex digits on the sticker under the phone)');
    if (!values.bind && !values.demo) throw new UsageError('--bind ADDR is required (the address of the interface the phone is on)');
    if (values.model !== '7960' && values.model !== '7940') throw new UsageError('--model is 7960 or 7940');
    const port = values.port === undefined ? (values.demo ? 0 : 69) : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port wants a number from 0 to 65535');
    if (values.report && !/\.(html|json)$/i.test(values.report)) throw new UsageError('--report wants a file ending in .html or .json');
    // After success a real phone is still booting its new image (ring list, dial plan): keep serving a while.
    const linger = values.linger === undefined ? (values.demo ? 0 : 15) : Number(values.linger);
    if (!Number.isInteger(linger) || linger < 0 || linger > 600) throw new UsageError('--linger wants whole seconds from 0 to 600');
    let mac = values.mac;
    if (mac === undefined) {
      mac = madeUpMac();
      if (!values.json) io.stdout(`No --mac given: the virtual phone uses the made-up MAC ${mac}.\n`);
    }
    const params = {
      mac,
      model: values.model,
      bundleId: values['to-bundle'],
      bindAddress: values.bind ?? '127.0.0.1',
      port,
      demo: values.demo,
      ...(values['phone-ip'] ? { phoneIp: values['phone-ip'] } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.via === undefined ? {} : { via: values.via }),
      ...(values['dhcp-offer']
        ? { dhcp: { offerIp: values['dhcp-offer'], ...(values['dhcp-router'] ? { router: values['dhcp-router'] } : {}) } }
        : {}),
    };
    const json = values.json;
    const reportFile = values.report;
    return withEngine(resolveDataDir(values['data-dir'], io.env), async (engine) => {
      if (params.bundleId === undefined) {
        // --demo with no --to-bundle: the demo library's first bundle that plans from --from.
        const chosen = await chooseDemoBundle(engine, params, json, io);
        if (typeof chosen === 'number') return chosen;
        params.bundleId = chosen;
      }
      return runMigration(engine, params, json, reportFile, linger, io);
    });
  },
};

async function runMigration(
  engine: EngineLike,
  params: Record<string, unknown>,
  json: boolean,
  reportFile: string | undefined,
  linger: number,
  io: CliIo,
): Promise<number> {
  let finish: (s: MigrationStatus) => void = () => {};
  const finished = new Promise<MigrationStatus>((resolve) => {
    finish = resolve;
  });
  const counts = new Map<TimelineEntry['kind'], number>();
  const off = engine.listen((name, payload) => {
    if (name === 'migrate:timeline') {
      const e = payload as TimelineEntry;
      counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
      io.stdout(json ? `${JSON.stringify({ timeline: withText(e) })}\n` : `${formatEntry(e)}\n`);
    } else if (name === 'migrate:state') {
      const s = payload as MigrationStatus;
      if (FINAL.has(s.state)) finish(s);
    }
  });
  try {
    const started = await engine.request('migrate:start', params);
    if (!started.ok && started.error.code === 'already-there') {
      // The README's promise: exit 0 only when the phone runs the target; it already does.
      const message = formatMessage('en', started.error.message);
      io.stdout(json ? `${JSON.stringify({ ok: true, alreadyThere: true, message, status: null })}\n` : `Done: ${message}\n`);
      return EXIT_OK;
    }
    if (!started.ok) return reportError(io, started.error, json);
    if (!json) {
      io.stdout(`Migrating ${started.value.mac} (${started.value.model}) from ${started.value.from} to ${started.value.to}; Ctrl-C stops.\n`);
      for (const h of started.value.hops) io.stdout(`  hop ${h.index + 1}: ${formatMessage('en', h.title)}\n`);
    }
    const outcome = await Promise.race([finished, io.interrupted.then(() => undefined)]);
    if (outcome?.state === 'succeeded' && linger > 0) {
      if (!json) io.stdout(`The phone runs the target. Serving ${linger} s more while it finishes booting; Ctrl-C stops now.\n`);
      await Promise.race([new Promise((r) => setTimeout(r, linger * 1000)), io.interrupted]);
    }
    let status: MigrationStatus | null = outcome ?? null;
    if (!outcome) {
      const stopped = await engine.request('migrate:stop', {});
      status = stopped.ok ? stopped.value : null;
    }
    if (reportFile) {
      const format = reportFile.toLowerCase().endsWith('.json') ? 'json' : 'html';
      const report = await engine.request('migrate:report', { format });
      if (report.ok) {
        await writeFileAtomic(path.resolve(reportFile), report.value.content);
        if (!json) io.stdout(`Report written to ${path.resolve(reportFile)}\n`);
      }
    }
    if (json) io.stdout(`${JSON.stringify({ ok: status?.state === 'succeeded', alreadyThere: false, status: status && withText(status) })}\n`);
    else io.stdout(`${countLine(counts)}\n`);
    if (!json && status) io.stdout(`${status.state === 'succeeded' ? 'Done' : 'Not done'}: ${status.message ? formatMessage('en', status.message) : status.state}${status.fix ? `\n  fix: ${formatMessage('en', status.fix)}` : ''}\n`);
    return status?.state === 'succeeded' ? EXIT_OK : EXIT_FAILED;
  } finally {
    off();
  }
}

/** The demo library's bundle for `--demo` without `--to-bundle`; an exit code when none fits. */
async function chooseDemoBundle(
  engine: EngineLike,
  params: { mac: string; model: string; from?: string },
  json: boolean,
  io: CliIo,
): Promise<string | number> {
  const listed = await engine.request('migrate:demo-bundles', {});
  if (!listed.ok) return reportError(io, listed.error, json);
  for (const bundle of listed.value) {
    const preview = await engine.request('migrate:preview', { mac: params.mac, model: params.model, bundleId: bundle.id, ...(params.from ? { from: params.from } : {}) });
    if (!preview.ok || !preview.value.ok) continue;
    if (!json) io.stdout(`No --to-bundle: the demo uses "${bundle.sourceName}" (synthetic files for the virtual phone).\n`);
    return bundle.id;
  }
  io.stderr(`phonebench migrate: no demo bundle plans a migration from "${escapeTerminalText(params.from ?? '')}".\n`);
  io.stderr('  fix: give the firmware the virtual phone starts on, e.g. --from "SCCP 3.1", --from "SCCP 8.1(2)" or --from "SIP 8.12".\n');
  return EXIT_FAILED;
}

/**
 * "3 requests, 3 files served, 1 request refused": what the timeline counted. A request still in flight when
 * the run ended (no served, not-found or failed line for it) is not counted as a request answered: it is named.
 */
export function countLine(counts: ReadonlyMap<TimelineEntry['kind'], number>): string {
  const n = (kind: TimelineEntry['kind']) => counts.get(kind) ?? 0;
  const answered = n('served') + n('not-found') + n('failed');
  const inFlight = Math.max(0, n('request') - answered);
  const parts = [plural(n('request') - inFlight, 'request'), `${plural(n('served'), 'file')} served`];
  if (n('refused') > 0) parts.push(`${plural(n('refused'), 'request')} refused`);
  if (n('not-found') > 0) parts.push(`${plural(n('not-found'), 'file')} not found`);
  if (n('failed') > 0) parts.push(`${plural(n('failed'), 'transfer')} failed`);
  if (inFlight > 0) parts.push(`${plural(inFlight, 'request')} still in flight when it ended (not counted)`);
  return parts.join(', ');
}

/** JSON lines carry the English text beside each message key, so a script needs no catalogue. */
function withText<T extends { message?: Message | undefined; fix?: Message | undefined }>(value: T): T & { text?: string; fixText?: string } {
  return {
    ...value,
    ...(value.message ? { text: formatMessage('en', value.message) } : {}),
    ...(value.fix ? { fixText: formatMessage('en', value.fix) } : {}),
  };
}

/** A locally administered address (02:...), so it is never a real phone's. */
function madeUpMac(): string {
  const bytes = randomBytes(6);
  bytes[0] = 0x02;
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

function formatEntry(e: TimelineEntry): string {
  const time = e.at.slice(11, 19);
  const say = (m: TimelineEntry['message']) => escapeTerminalText(formatMessage('en', m));
  return `${time} ${e.kind.padEnd(9)} ${say(e.message)}${e.fix ? `\n${' '.repeat(19)}fix: ${say(e.fix)}` : ''}`;
}
