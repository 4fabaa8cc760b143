import type { LintFinding } from '../../../../../shared/cisco/lint/lint-config-file';
import { formatMessage } from '../../../../../shared/i18n/format';

/** A finding as one English line: "severity@line: problem | fix: fix". */
export function findingText(f: LintFinding): string {
  return `${f.severity}@${f.line}: ${formatMessage('en', f.problem)} | fix: ${formatMessage('en', f.fix)}`;
}
