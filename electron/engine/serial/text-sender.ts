import { PhonebenchError } from '../../../shared/api/result';
import type { LineEnding, SerialSendEvent } from '../../../shared/api/serial';
import { msg } from '../../../shared/i18n/message';
import type { Disposable } from '../kit/lifecycle';

/** At most this many lines in one file sent. */
export const MAX_SEND_LINES = 10_000;

const ENDINGS: Record<LineEnding, string> = { cr: '\r', lf: '\n', crlf: '\r\n' };

/** What the sender needs of a session: its id and a way to put bytes on the wire. */
export interface SendTarget {
  id: string;
  send(bytes: Buffer): Promise<unknown>;
}

interface Sending {
  stopped: boolean;
  timer?: NodeJS.Timeout;
  wake?: () => void;
}

/**
 * Send file, Tera Term's way: a text file goes out one line at a time with the chosen line ending and a pause
 * between lines (phones with small input buffers drop a fast paste). One file per session at a time; progress,
 * the end, a stop and a failure each come as a serial:send event.
 */
export class TextSender implements Disposable {
  private readonly running = new Map<string, Sending>();

  constructor(private readonly emit: (event: SerialSendEvent) => void) {}

  /** Checks the text and starts sending it in the background; returns the line count. */
  start(target: SendTarget, p: { name: string; text: string; lineDelayMs: number; lineEnding: LineEnding }): { lines: number } {
    if (p.text.includes('\0')) throw new PhonebenchError('bad-request', msg('serialSend.notText', { name: p.name }), msg('serialSend.notText.fix'));
    const lines = p.text.split(/\r\n|\r|\n/);
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length > MAX_SEND_LINES) {
      throw new PhonebenchError('bad-request', msg('serialSend.tooManyLines', { name: p.name, lines: lines.length, max: MAX_SEND_LINES }), msg('serialSend.tooManyLines.fix'));
    }
    if (this.running.has(target.id)) throw new PhonebenchError('busy', msg('serialSend.busy'), msg('serialSend.busy.fix'));
    const sending: Sending = { stopped: false };
    this.running.set(target.id, sending);
    void this.run(target, sending, lines, p);
    return { lines: lines.length };
  }

  /** Stops the file being sent on this session; false when none was. */
  stop(sessionId: string): boolean {
    const sending = this.running.get(sessionId);
    if (!sending) return false;
    sending.stopped = true;
    sending.wake?.();
    return true;
  }

  dispose(): void {
    for (const id of [...this.running.keys()]) this.stop(id);
  }

  private async run(target: SendTarget, sending: Sending, lines: string[], p: { name: string; lineDelayMs: number; lineEnding: LineEnding }): Promise<void> {
    const event = (line: number, state: SerialSendEvent['state'], extra: Partial<SerialSendEvent> = {}) =>
      this.emit({ sessionId: target.id, name: p.name, line, total: lines.length, state, ...extra });
    let sent = 0;
    try {
      for (const line of lines) {
        if (sending.stopped) break;
        await target.send(Buffer.from(line + ENDINGS[p.lineEnding], 'utf8'));
        sent++;
        event(sent, 'sending');
        if (sent < lines.length && p.lineDelayMs > 0) await this.pause(sending, p.lineDelayMs);
      }
      event(sent, sending.stopped && sent < lines.length ? 'stopped' : 'done');
    } catch (error) {
      const reason = error instanceof PhonebenchError ? error.detail : msg('serialSend.failed', { reason: error instanceof Error ? error.message : String(error) });
      event(sent, 'failed', { error: reason });
    } finally {
      if (sending.timer) clearTimeout(sending.timer);
      this.running.delete(target.id);
    }
  }

  private pause(sending: Sending, ms: number): Promise<void> {
    return new Promise((resolve) => {
      sending.wake = resolve;
      sending.timer = setTimeout(resolve, ms);
    });
  }
}
