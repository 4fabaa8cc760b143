import path from 'node:path';
import type { BundleManifest, BundleSummary, ImportPhase } from '../../../shared/api/firmware';
import { describeBundleIssue } from '../../../shared/cisco/bundle-recognition';
import { COMMON_OPTIONS, EXIT_OK, EXIT_USAGE, parseFlags, UsageError, type CliCommand, type CliIo } from '../command';
import { reportError, resolveDataDir, withEngine } from '../engine-command';
import { escapeTerminalText } from '../../../shared/text/terminal-text';
import { formatMessage } from '../../../shared/i18n/format';
import type { Message } from '../../../shared/i18n/message';

const OPTIONS = { ...COMMON_OPTIONS, to: { type: 'string' } } as const;

const USAGE = [
  'phonebench firmware import PATH [--json]      import a zip, tar, tar.gz or folder into the library',
  'phonebench firmware list [--json]             list the library',
  'phonebench firmware show ID [--json]          files, hashes and what was recognised',
  'phonebench firmware export ID --to DIR        copy a bundle into a TFTP root',
  'phonebench firmware delete ID                 remove a bundle from the library',
  '(every verb takes --data-dir DIR)',
].join('\n');

type Engine = Parameters<Parameters<typeof withEngine>[1]>[0];

export const firmwareCommand: CliCommand = {
  name: 'firmware',
  usage: USAGE,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseFlags(args, OPTIONS, true);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`phonebench firmware: ${error.message}\nusage:\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const { values, positionals } = parsed;
    const [verb, target, ...rest] = positionals;
    if (verb === undefined) {
      io.stderr(`phonebench firmware: say what to do\nusage:\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const needsTarget = verb !== 'list';
    if ((needsTarget && target === undefined) || rest.length > 0 || (!needsTarget && target !== undefined)) {
      io.stderr(`phonebench firmware ${verb}: wrong arguments\nusage:\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    if (verb === 'export' && values.to === undefined) {
      io.stderr(`phonebench firmware export: --to DIR is required\nusage:\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const json = values.json;
    const dataDir = resolveDataDir(values['data-dir'], io.env);
    return withEngine(dataDir, async (engine) => {
      switch (verb) {
        case 'import':
          return importBundle(engine, path.resolve(target ?? ''), json, io);
        case 'list':
          return listBundles(engine, json, io);
        case 'show':
          return showBundle(engine, target ?? '', json, io);
        case 'export':
          return exportBundle(engine, target ?? '', path.resolve(values.to ?? ''), json, io);
        case 'delete':
          return deleteBundle(engine, target ?? '', json, io);
        default:
          io.stderr(`phonebench firmware: unknown verb '${verb}'\nusage:\n${USAGE}\n`);
          return EXIT_USAGE;
      }
    }, io);
  },
};

async function importBundle(engine: Engine, source: string, json: boolean, io: CliIo): Promise<number> {
  let lastPhase: ImportPhase | undefined;
  const unlisten = engine.listen((name, payload) => {
    if (name !== 'firmware:import-progress' || json) return;
    const p = payload as { phase: ImportPhase; bytes: number; entries: number };
    if (p.phase !== lastPhase && p.phase !== 'done' && p.phase !== 'failed') io.stderr(`${p.phase}...\n`);
    lastPhase = p.phase;
  });
  try {
    const result = await engine.request('firmware:import', { path: source });
    if (!result.ok && result.error.code === 'duplicate-bundle') return alreadyThere(result.error.message, path.basename(source), json, io);
    if (!result.ok) return reportError(io, result.error, json);
    if (json) io.stdout(`${JSON.stringify(result.value)}\n`);
    else io.stdout(`Imported ${escapeTerminalText(result.value.source.name)} as ${result.value.id}\n${describeManifest(result.value)}`);
    return EXIT_OK;
  } finally {
    unlisten();
  }
}

async function listBundles(engine: Engine, json: boolean, io: CliIo): Promise<number> {
  const result = await engine.request('firmware:list', {});
  if (!result.ok) return reportError(io, result.error, json);
  if (json) {
    io.stdout(`${JSON.stringify(result.value)}\n`);
    return EXIT_OK;
  }
  if (result.value.length === 0) {
    io.stdout('The library is empty. Import with: phonebench firmware import PATH\n');
    return EXIT_OK;
  }
  const rows = result.value.map(summaryCells);
  const widths = LIST_HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')}\n`;
  io.stdout(line(LIST_HEADER));
  for (const r of rows) io.stdout(line(r));
  return EXIT_OK;
}

/**
 * The same archive imported again: information, not a failure (exit 0). The library's refusal names the bundle
 * already there; that id is what the technician needs next.
 */
function alreadyThere(message: Message, sourceName: string, json: boolean, io: CliIo): number {
  const params = message.params ?? {};
  const id = typeof params.id === 'string' ? params.id : undefined;
  const at = typeof params.at === 'string' ? params.at : undefined;
  if (json) {
    io.stdout(`${JSON.stringify({ ok: true, alreadyThere: true, ...(id ? { id } : {}), ...(at ? { importedAt: at } : {}), message: formatMessage('en', message) })}\n`);
  } else {
    io.stdout(
      id
        ? `Already there: ${escapeTerminalText(sourceName)} is bundle ${id}${at ? `, imported ${importDate(at)}` : ''}. Nothing imported.\n`
        : `Already there: ${escapeTerminalText(sourceName)} is already in the library. Nothing imported.\n`,
    );
  }
  return EXIT_OK;
}

const LIST_HEADER = ['ID', 'FIRMWARE', 'KIND', 'STATE', 'FILES', 'IMPORTED', 'SOURCE'];

/** When a bundle was imported, in this computer's time: "2026-12-04 09:15". */
export function importDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return escapeTerminalText(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function summaryCells(b: BundleSummary): string[] {
  const label = b.versionLabel ?? b.protocol ?? 'unrecognised';
  const state = b.complete ? 'complete' : `${b.issueCount} issue${b.issueCount === 1 ? '' : 's'}`;
  return [b.id, label, b.kind, state, String(b.fileCount), importDate(b.importedAt), escapeTerminalText(b.sourceName)];
}

async function showBundle(engine: Engine, id: string, json: boolean, io: CliIo): Promise<number> {
  const result = await engine.request('firmware:show', { id });
  if (!result.ok) return reportError(io, result.error, json);
  io.stdout(json ? `${JSON.stringify(result.value)}\n` : describeManifest(result.value));
  return EXIT_OK;
}

async function exportBundle(engine: Engine, id: string, to: string, json: boolean, io: CliIo): Promise<number> {
  const result = await engine.request('firmware:export', { id, to });
  if (!result.ok) return reportError(io, result.error, json);
  if (json) {
    io.stdout(`${JSON.stringify(result.value)}\n`);
  } else {
    io.stdout(`Exported to ${escapeTerminalText(result.value.to)}: ${result.value.written.length} written, ${result.value.unchanged.length} already there\n`);
  }
  return EXIT_OK;
}

async function deleteBundle(engine: Engine, id: string, json: boolean, io: CliIo): Promise<number> {
  const result = await engine.request('firmware:delete', { id });
  if (!result.ok) return reportError(io, result.error, json);
  io.stdout(json ? `${JSON.stringify(result.value)}\n` : `Deleted ${id}\n`);
  return EXIT_OK;
}

export function describeManifest(m: BundleManifest): string {
  const r = m.recognition;
  const lines = [
    `Bundle ${m.id}: ${r.versionLabel ?? 'unrecognised'} (${r.kind})`,
    `Source: ${m.source.name} (${m.source.format}, ${m.source.size} bytes, sha256 ${m.source.sha256})`,
    `Imported: ${m.importedAt}`,
    r.complete ? 'Complete: yes' : 'Complete: no',
    ...r.issues.map((i) => `  - ${describeBundleIssue(i)}`),
    'Files:',
    ...m.files.map((f) => `  ${f.sha256}  ${String(f.size).padStart(10)}  ${f.name}${roleNote(m, f.name)}`),
  ];
  if (m.skipped.length > 0) lines.push('Skipped:', ...m.skipped.map((s) => `  ${s.name} (${s.reason})`));
  // Names, OS79XX.TXT's text and versions come from the archive: each line is escaped on its own.
  return `${lines.map(escapeTerminalText).join('\n')}\n`;
}

function roleNote(m: BundleManifest, name: string): string {
  const image = m.recognition.images.find((i) => i.file === name);
  if (!image) return '';
  return `  [${image.loader ? 'loader ' : ''}${image.role}${image.version ? `, ${image.version}` : ''}]`;
}
