import { promises as fs } from 'node:fs';
import path from 'node:path';
import { appError } from '../../../shared/api/result';
import type { LintFinding } from '../../../shared/cisco/lint/lint-config-file';
import { formatMessage } from '../../../shared/i18n/format';
import { msg } from '../../../shared/i18n/message';
import { COMMON_OPTIONS, EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseFlags, plural, type CliCommand } from '../command';
import { reportError, resolveDataDir, withEngine } from '../engine-command';

const USAGE = 'phonebench lint FILE... [--library DIR] [--protocol SIP|SCCP] [--running LABEL] [--json] [--data-dir DIR]';
const MAX_BYTES = 1_000_000;

const OPTIONS = {
  ...COMMON_OPTIONS,
  library: { type: 'string' },
  protocol: { type: 'string' },
  running: { type: 'string' },
} as const;

export const lintCommand: CliCommand = {
  name: 'lint',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, OPTIONS, true);
    if (positionals.length === 0) {
      io.stderr(`phonebench lint: name at least one file\nusage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const protocol = values.protocol?.toUpperCase();
    if (protocol !== undefined && protocol !== 'SIP' && protocol !== 'SCCP') {
      io.stderr(`phonebench lint: --protocol must be SIP or SCCP\nusage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    let library: string[] | undefined;
    if (values.library !== undefined) {
      try {
        library = (await fs.readdir(values.library, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return reportError(io, appError('io-error', msg('lint.library.unreadable', { folder: values.library, detail }), msg('lint.library.unreadable.fix')), values.json);
      }
    }
    const dataDir = resolveDataDir(values['data-dir'], io.env);
    return withEngine(dataDir, async (engine) => {
      const all: LintFinding[] = [];
      for (const file of positionals) {
        let text: string;
        try {
          const stat = await fs.stat(file);
          if (stat.size > MAX_BYTES) {
            all.push({ file, line: 0, severity: 'error', problem: msg('lint.file.tooLarge', { bytes: stat.size }), fix: msg('lint.file.tooLarge.fix') });
            continue;
          }
          text = await fs.readFile(file, 'utf8');
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          return reportError(io, appError('io-error', msg('lint.file.unreadable', { file, detail }), msg('lint.file.unreadable.fix')), values.json);
        }
        const result = await engine.request('plan:lint', {
          fileName: path.basename(file),
          text,
          ...(library === undefined ? {} : { libraryFiles: library }),
          ...(protocol === undefined ? {} : { planProtocol: protocol }),
          ...(values.running === undefined ? {} : { running: values.running }),
        });
        if (!result.ok) return reportError(io, result.error, values.json);
        all.push(...result.value.findings.map((f) => ({ ...f, file })));
      }
      const errors = all.filter((f) => f.severity === 'error').length;
      if (values.json) {
        // English text for people and scripts, the message (key and parameters) for programs that translate.
        const findings = all.map((f) => ({ ...f, problem: formatMessage('en', f.problem), fix: formatMessage('en', f.fix), messages: { problem: f.problem, fix: f.fix } }));
        io.stdout(`${JSON.stringify({ ok: true, value: { findings } }, null, 2)}\n`);
      } else {
        for (const f of all) io.stdout(`${f.file}:${f.line}: ${f.severity}: ${formatMessage('en', f.problem)}\n  fix: ${formatMessage('en', f.fix)}\n`);
        io.stdout(`${plural(positionals.length, 'file')}, ${plural(errors, 'error')}, ${plural(all.length - errors, 'warning')}\n`);
      }
      return errors > 0 ? EXIT_FAILED : EXIT_OK;
    }, io);
  },
};
