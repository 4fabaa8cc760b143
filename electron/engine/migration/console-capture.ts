import { StreamingHintMatcher, type HintMatch } from '../../../shared/cisco/hints';
import { MASK, isSecretKey, maskSecrets } from '../../../shared/cisco/config/mask-secrets';
import type { RunnerPlan } from './runner-plan';

const CONSOLE_LIMIT = 2 * 1024 * 1024;

/** The phone's serial console text, kept up to a cap, and matched against the hint catalogue as it streams. */
export class ConsoleCapture {
  private text = '';
  private readonly hints = new StreamingHintMatcher();

  /** Keeps the text and returns the hints it completes. */
  push(text: string): HintMatch[] {
    if (this.text.length < CONSOLE_LIMIT) this.text += text.slice(0, CONSOLE_LIMIT - this.text.length);
    return this.hints.push(text);
  }

  /** Everything kept, unmasked: pass it through maskConsoleText before it leaves the runner. */
  raw(): string {
    return this.text;
  }
}

/**
 * Console text is free-form: mask `...password: value` anywhere on a line, and every secret value the plan's
 * configs carry (`planSecrets`) wherever it shows up.
 */
export function maskConsoleText(text: string, secrets: readonly string[]): string {
  let out = maskSecrets(text).replace(/(\b\w*password\w*\s*[:=]\s*)("[^"]*"|\S+)/gi, (_, key: string) => `${key}${MASK}`);
  for (const secret of secrets) out = out.split(secret).join(MASK);
  return out;
}

/** The secret values (passwords) the plan's configs carry; a plan is fixed for a run, so read it once. */
export function planSecrets(plan: RunnerPlan | null): string[] {
  const values = new Set<string>();
  for (const hop of plan?.hops ?? []) {
    for (const config of hop.configs) {
      for (const line of config.content.split('\n')) {
        const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*:\s*"?([^";\r]*)"?/.exec(line);
        const value = m?.[2]?.trim();
        if (m && isSecretKey(m[1] ?? '') && value && value.length >= 3) values.add(value);
      }
    }
  }
  return [...values];
}
