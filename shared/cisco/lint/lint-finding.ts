import type { Message } from '../../i18n/message';
import type { FirmwareVersion, Protocol } from '../firmware-version';

export type Severity = 'error' | 'warning';

export interface LintFinding {
  file: string;
  /** 1-based; 0 when the finding is about the file name. */
  line: number;
  severity: Severity;
  problem: Message;
  fix: Message;
}

export interface LintContext {
  /** File names in the firmware library / TFTP root: an image named but absent is reported. */
  library?: readonly string[];
  /** The protocol the plan moves the phone to in this hop. */
  planProtocol?: Protocol;
  /** The firmware the phone runs now (a SIP 2.x phone cannot take a large SIPDefault.cnf). */
  running?: FirmwareVersion;
}

/** How each check reports: where, how bad, what and what to do. */
export type Add = (line: number, severity: Severity, problem: Message, fix: Message) => void;
