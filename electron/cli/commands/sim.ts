import type { SimEvent, SimOutcome } from '../../../shared/api/sim';
import { COMMON_OPTIONS, EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseFlags, UsageError, type CliCommand, type CliIo } from '../command';
import { reportError, resolveDataDir, withEngine } from '../engine-command';

const OPTIONS = {
  ...COMMON_OPTIONS,
  tftp: { type: 'string' },
  mac: { type: 'string' },
  model: { type: 'string', default: '7960' },
  firmware: { type: 'string' },
  console: { type: 'string' },
  'flash-write-ms': { type: 'string' },
  'state-error': { type: 'boolean', default: false },
  stay: { type: 'boolean', default: false },
} as const;

const USAGE =
  'phonebench sim --tftp HOST[:PORT] --mac MAC --firmware "SCCP 3.1" [--model 7960|7940] [--console PATH] [--flash-write-ms N] [--state-error] [--stay] [--json]';

/** `HOST[:PORT]`, port 69 when absent. */
export function parseTftpTarget(text: string): { host: string; port: number } {
  const m = /^([^:\s]+)(?::(\d{1,5}))?$/.exec(text.trim());
  const port = m?.[2] === undefined ? 69 : Number(m[2]);
  if (m === null || m[1] === undefined || port < 1 || port > 65535) throw new UsageError(`--tftp wants HOST[:PORT], not '${text}'`);
  return { host: m[1], port };
}

/** One line a technician reads for each thing the virtual phone does. */
export function formatSimEvent(e: SimEvent): string {
  switch (e.kind) {
    case 'state':
      return `state    ${e.state}${e.detail === undefined ? '' : `  ${e.detail}`}`;
    case 'tftp':
      return `tftp     ${e.file}  ${e.result}${e.bytes === undefined ? '' : ` (${e.bytes} bytes)`}${e.message === undefined ? '' : `  ${e.message}`}`;
    case 'notice':
      return `note     ${e.simulated ? '[simulated] ' : ''}${e.message}`;
    case 'flash':
      return `flash    ${[e.flash.loader, e.flash.app].filter((x) => x !== undefined).join(' + ')}`;
    case 'settled':
      return formatOutcome(e.outcome);
    default: {
      const never: never = e;
      return never;
    }
  }
}

function formatOutcome(o: SimOutcome): string {
  return o.kind === 'running' ? `running  ${o.firmware} (${o.image})` : `error    ${o.message}: ${o.detail}`;
}

export const simCommand: CliCommand = {
  name: 'sim',
  usage: USAGE,
  async run(args, io) {
    let values;
    let target;
    try {
      values = parseFlags(args, OPTIONS).values;
      if (values.tftp === undefined || values.mac === undefined || values.firmware === undefined) {
        throw new UsageError('--tftp, --mac and --firmware are required');
      }
      target = parseTftpTarget(values.tftp);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`phonebench sim: ${error.message}\nusage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const flashWriteMs = values['flash-write-ms'] === undefined ? undefined : Number(values['flash-write-ms']);
    if (flashWriteMs !== undefined && !(Number.isInteger(flashWriteMs) && flashWriteMs >= 0)) {
      io.stderr(`phonebench sim: --flash-write-ms wants a whole number of milliseconds\nusage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const json = values.json;
    const params = {
      tftpHost: target.host,
      tftpPort: target.port,
      mac: values.mac,
      model: values.model,
      firmware: values.firmware,
      ...(flashWriteMs === undefined ? {} : { flashWriteMs }),
      ...(values.console === undefined ? {} : { consolePath: values.console }),
      ...(values['state-error'] ? { simulateStateError: true } : {}),
    };
    const stay = values.stay;
    return withEngine(resolveDataDir(values['data-dir'], io.env), (engine) => runSim(engine, params, { json, stay }, io));
  },
};

type EngineLike = Parameters<Parameters<typeof withEngine>[1]>[0];

/** With `stay`, the phone stays on after it settles (its console answers) until the user interrupts. */
async function runSim(engine: EngineLike, params: Record<string, unknown>, how: { json: boolean; stay: boolean }, io: CliIo): Promise<number> {
  const { json } = how;
  // Events can come before sim:start answers: keep them until the phone's id is known.
  const early: SimEvent[] = [];
  let simId: string | undefined;
  let settle: (o: SimOutcome) => void = () => {};
  const settled = new Promise<SimOutcome>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const show = (e: SimEvent): void => {
    if (done) return;
    io.stdout(json ? `${JSON.stringify(e)}\n` : `${formatSimEvent(e)}\n`);
    if (e.kind === 'settled') {
      done = true;
      settle(e.outcome);
    }
  };
  const unlisten = engine.listen((name, payload) => {
    if (name !== 'sim:event') return;
    const e = payload as SimEvent;
    if (simId === undefined) early.push(e);
    else if (e.simId === simId) show(e);
  });
  try {
    const started = await engine.request('sim:start', params);
    if (!started.ok) return reportError(io, started.error, json);
    simId = started.value.id;
    for (const e of early.splice(0)) if (e.simId === simId) show(e);
    const outcome = await Promise.race([settled, io.interrupted.then(() => undefined)]);
    if (outcome !== undefined && how.stay) {
      if (!json) io.stderr('phonebench sim: the phone stays on; Ctrl-C to stop it\n');
      await io.interrupted;
    }
    await engine.request('sim:stop', { id: simId });
    if (outcome === undefined) {
      io.stderr('phonebench sim: stopped before the phone settled\n');
      return EXIT_FAILED;
    }
    return outcome.kind === 'running' ? EXIT_OK : EXIT_FAILED;
  } finally {
    unlisten();
  }
}
