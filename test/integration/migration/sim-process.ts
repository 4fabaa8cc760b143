/**
 * `phonebench sim` in a process of its own, for the migration tests: the same command object the CLI runs,
 * started directly so the test does not depend on the command list. Arguments as for `phonebench sim`.
 */
import { runCli } from '../../../electron/cli/main';

const code = await runCli(
  ['sim', ...process.argv.slice(2)],
  {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdin: process.stdin,
    env: process.env,
    interrupted: new Promise<void>((resolve) => process.once('SIGTERM', () => resolve())),
  });
process.exit(code);
