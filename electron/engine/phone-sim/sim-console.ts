import type { Duplex } from 'node:stream';
import type { SimEvent, SimState } from '../../../shared/api/sim';
import { maskSecretValues } from '../../../shared/cisco/config/mask-secrets';
import type { VirtualPhone } from './virtual-phone';

/**
 * The virtual phone's serial console. The real boot text and command set are unknown, so every line it writes
 * starts with `[sim]`; only the prompt (`phone_prompt`, default "SIP Phone") and the password (`phone_password`,
 * default "cisco") come from Cisco's documentation.
 */

const SIM = '[sim]';
const EOL = '\r\n';
const MAX_LINE = 256;

/** Screens seen on the phone's LCD during a boot (field reports), by state. */
const LCD_TEXT: Partial<Record<SimState, string>> = {
  'requesting-config': 'Requesting Configuration',
  upgrading: 'Upgrading Software',
};

export function consoleLineFor(e: SimEvent): string | undefined {
  switch (e.kind) {
    case 'state': {
      const lcd = LCD_TEXT[e.state];
      const detail = e.detail === undefined ? '' : ` (${e.detail})`;
      return lcd === undefined ? `${SIM} ${e.state}${detail}` : `${SIM} ${e.state}${detail} - LCD: ${lcd}`;
    }
    case 'tftp': {
      const size = e.bytes === undefined ? '' : ` (${e.bytes} bytes)`;
      const why = e.message === undefined ? '' : `: ${e.message}`;
      return `${SIM} TFTP read '${e.file}': ${e.result}${size}${why}`;
    }
    case 'notice':
      return `${SIM} ${e.simulated ? 'simulated: ' : 'note: '}${e.message}`;
    case 'flash':
      return `${SIM} flash now holds ${[e.flash.loader, e.flash.app].filter((x) => x !== undefined).join(' + ') || 'nothing'}`;
    case 'settled':
      return e.outcome.kind === 'running'
        ? `${SIM} running ${e.outcome.firmware} (${e.outcome.image})`
        : `${SIM} LCD: ${e.outcome.message} - ${e.outcome.detail}`;
    default: {
      const never: never = e;
      return never;
    }
  }
}

export class SimConsole {
  private buffer = '';
  private loggedIn = false;
  private lastWasCr = false;
  /** A prompt is on the last line, waiting for input. */
  private promptShown = false;
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly onData = (chunk: Buffer | string): void => this.receive(typeof chunk === 'string' ? chunk : chunk.toString('latin1'));

  constructor(
    private readonly phone: VirtualPhone,
    private readonly stream: Duplex,
  ) {
    this.unsubscribe = phone.onEvent((e) => {
      const line = consoleLineFor(e);
      if (line !== undefined) this.announce(line);
    });
    stream.on('data', this.onData);
    this.write(`${SIM} Cisco IP Phone ${phone.model} console (virtual phone, MAC ${phone.mac})${EOL}`);
    this.showPrompt();
  }

  /** Detaches from the phone and the stream; the stream's owner closes it. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.stream.off('data', this.onData);
  }

  private get prompt(): string {
    return `${this.phone.config.phone_prompt?.slice(0, 15) || 'SIP Phone'}> `;
  }

  private get password(): string {
    return this.phone.config.phone_password || 'cisco';
  }

  /** The password prompt, or the shell prompt with what is typed so far. */
  private showPrompt(): void {
    this.write(this.loggedIn ? `${this.prompt}${this.buffer}` : `${SIM} Password: `);
    this.promptShown = true;
  }

  /** A line from the phone while a prompt may be open: on its own line, then the prompt again. */
  private announce(line: string): void {
    const reprompt = this.promptShown;
    if (reprompt) this.write(EOL);
    this.write(`${line}${EOL}`);
    this.promptShown = false;
    if (reprompt) this.showPrompt();
  }

  private receive(text: string): void {
    for (const ch of text) {
      if (ch === '\r' || ch === '\n') {
        if (ch === '\n' && this.lastWasCr) {
          this.lastWasCr = false;
          continue;
        }
        this.lastWasCr = ch === '\r';
        const line = this.buffer;
        this.buffer = '';
        this.promptShown = false;
        if (this.loggedIn) this.write(EOL);
        this.onLine(line);
        continue;
      }
      this.lastWasCr = false;
      if (ch === '\b' || ch === '\x7f') {
        if (this.buffer.length > 0) {
          this.buffer = this.buffer.slice(0, -1);
          if (this.loggedIn) this.write('\b \b');
        }
        continue;
      }
      if (ch < ' ' || this.buffer.length >= MAX_LINE) continue;
      this.buffer += ch;
      if (this.loggedIn) this.write(ch); // echo, except while a password is typed
    }
  }

  private onLine(line: string): void {
    if (!this.loggedIn) {
      this.write(EOL);
      if (line === this.password) {
        this.loggedIn = true;
        this.write(`${SIM} logged in; type 'help'${EOL}`);
        this.showPrompt();
        return;
      }
      this.write(`${SIM} wrong password${EOL}`);
      this.showPrompt();
      return;
    }
    const reply = this.command(line.trim().replace(/\s+/g, ' ').toLowerCase());
    if (reply === 'logout') {
      this.loggedIn = false;
      this.write(`${SIM} logged out${EOL}`);
      this.showPrompt();
      return;
    }
    for (const l of reply) this.write(`${SIM} ${l}${EOL}`);
    this.showPrompt();
  }

  private command(cmd: string): string[] | 'logout' {
    const phone = this.phone;
    switch (cmd) {
      case '':
        return [];
      case 'help':
      case '?':
        return ['commands: show version, show flash, show config, show network, show status, reset, exit'];
      case 'show version':
        return [
          `model ${phone.model}, MAC ${phone.mac}`,
          `application ${phone.flash.app ?? '(none)'} ${phone.flash.firmware ?? ''}`.trimEnd(),
          `loader ${phone.flash.loader ?? '(built in)'}`,
          `signed image: ${phone.flash.signed ? 'yes' : 'no'}`,
        ];
      case 'show flash':
        return [JSON.stringify(phone.flash)];
      case 'show config': {
        const values = maskSecretValues(phone.config);
        const keys = Object.keys(values).sort();
        return keys.length === 0 ? ['(no values from SIP config files)'] : keys.map((k) => `${k}: ${values[k] ?? ''}`);
      }
      case 'show network':
        return [
          `IP Address: ${phone.settings.ip}`,
          `Alternate TFTP: ${phone.settings.alternateTftp ? 'Yes' : 'No'}`,
          `TFTP Server 1: ${phone.settings.tftpServer}`,
        ];
      case 'show status': {
        const o = phone.outcome;
        const outcome = o === undefined ? '' : o.kind === 'running' ? ` - running ${o.firmware}` : ` - ${o.message}`;
        return [`state ${phone.state}, ${phone.reboots} reboot(s)${outcome}`];
      }
      case 'reset':
        if (phone.busy) return ['busy booting; try again when it settles'];
        void phone.boot();
        return ['resetting'];
      case 'exit':
      case 'logout':
      case 'quit':
        return 'logout';
      default:
        return [`unknown command '${cmd.slice(0, 40)}'; type 'help'`];
    }
  }

  private write(text: string): void {
    if (this.closed || this.stream.destroyed || this.stream.writableEnded) return;
    this.stream.write(text);
  }
}
