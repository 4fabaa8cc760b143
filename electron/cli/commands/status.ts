import { formatMessage } from '../../../shared/i18n/format';
import { COMMON_OPTIONS, EXIT_OK, parseFlags, type CliCommand } from '../command';
import { reportError, resolveDataDir, withEngine } from '../engine-command';

export const statusCommand: CliCommand = {
  name: 'status',
  usage: 'phonebench status [--data-dir DIR] [--json]',
  async run(args, io) {
    const { values } = parseFlags(args, COMMON_OPTIONS);
    const dataDir = resolveDataDir(values['data-dir'], io.env);
    return withEngine(dataDir, async (engine) => {
      const result = await engine.request('app:status', {});
      if (!result.ok) return reportError(io, result.error, values.json);
      const status = result.value;
      if (values.json) {
        io.stdout(`${JSON.stringify(status)}\n`);
        return EXIT_OK;
      }
      io.stdout(`Phonebench ${status.version} (${status.platform})\n`);
      io.stdout(`Data directory: ${status.dataDir}\n`);
      if (status.logFile) io.stdout(`Engine log: ${status.logFile}\n`);
      if (status.settingsNotice) io.stdout(`Notice: ${formatMessage('en', status.settingsNotice)}\n`);
      for (const service of status.services) {
        io.stdout(`  ${service.name.padEnd(10)} ${service.state}${service.detail ? `  ${formatMessage('en', service.detail)}` : ''}\n`);
      }
      return EXIT_OK;
    }, io);
  },
};
