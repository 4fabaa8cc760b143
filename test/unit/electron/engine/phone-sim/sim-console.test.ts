import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseFirmwareLabel } from '../../../../../shared/cisco/firmware-version';
import { SimConsole } from '../../../../../electron/engine/phone-sim/sim-console';
import { VirtualPhone } from '../../../../../electron/engine/phone-sim/virtual-phone';
import { memoryFetcher } from './memory-fetcher';

/** A serial line in memory: what the console writes is collected; `type` sends keys to it. */
function line(): { stream: Duplex; output: () => string; type: (text: string) => Promise<void> } {
  let out = '';
  const stream = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, cb) {
      out += chunk.toString('latin1');
      cb();
    },
  });
  return {
    stream,
    output: () => out,
    type: async (text) => {
      stream.push(Buffer.from(text, 'latin1'));
      await new Promise((r) => setImmediate(r));
    },
  };
}

function phoneWith(files: [string, string][]): VirtualPhone {
  return new VirtualPhone({
    id: 'c',
    mac: '000E84C060A6',
    model: '7960',
    firmware: parseFirmwareLabel('SIP 8.12'),
    fetch: memoryFetcher(new Map(files)),
    tftpServer: '127.0.0.1',
    flashWriteMs: 0,
  });
}

describe('virtual phone console', () => {
  it('prints the boot, marks every line it invents, and masks passwords', async () => {
    const phone = phoneWith([['SIP000E84C060A6.cnf', 'image_version: P0S3-8-12-00\nphone_password: s3cret\nline1_password: hidden\nphone_prompt: Bench7960\n']]);
    const { stream, output, type } = line();
    const con = new SimConsole(phone, stream);
    await phone.boot();
    await type('cisco\r');
    expect(output()).toContain('wrong password'); // the config changed the password to s3cret
    await type('s3cret\r');
    await type('show version\r');
    await type('show config\r');
    await type('show network\r');
    con.close();
    const text = output();
    expect(text).toContain('[sim] TFTP read');
    expect(text).toContain('LCD: Requesting Configuration');
    expect(text).toContain('[sim] running SIP 8.12 (P0S3-8-12-00)');
    expect(text).toContain('Bench7960> ');
    expect(text).toContain('application P0S3-8-12-00 SIP 8.12');
    expect(text).toContain('line1_password: ********');
    expect(text).not.toContain('s3cret\r\n[sim]'); // the password was not echoed
    expect(text).not.toContain('hidden');
    expect(text).toContain('TFTP Server 1: 127.0.0.1');
    expect(text).not.toContain('Password: [sim]'); // boot lines never run onto the prompt's line
    // Every line is either marked simulated, or the prompt with what was typed after it.
    for (const l of text.split('\r\n')) {
      if (l === '') continue;
      expect(l.startsWith('[sim] ') || l.startsWith('Bench7960> '), `unmarked line: ${JSON.stringify(l)}`).toBe(true);
    }
  });

  it('logs in with the default password cisco and prompt SIP Phone; reset reboots', async () => {
    const phone = phoneWith([]);
    const { stream, output, type } = line();
    const con = new SimConsole(phone, stream);
    await type('cisco\r\n');
    expect(output()).toContain('SIP Phone> ');
    const settled = new Promise<void>((resolve) => phone.onEvent((e) => e.kind === 'settled' && resolve()));
    await type('reset\r');
    await settled;
    await type('show status\r');
    await type('exit\r');
    con.close();
    expect(output()).toContain('resetting');
    expect(output()).toMatch(/state running, 0 reboot\(s\) - running SIP 8\.12/);
    expect(output()).toContain('[sim] logged out');
  });

  it('reports an error boot on the console', async () => {
    const phone = new VirtualPhone({ id: 'e', mac: '000E84C060A6', model: '7940', firmware: undefined, fetch: memoryFetcher(new Map()), tftpServer: '127.0.0.1', flashWriteMs: 0 });
    const { stream, output } = line();
    const con = new SimConsole(phone, stream);
    await phone.boot();
    con.close();
    expect(output()).toContain('[sim] LCD: No Load Specified');
  });
});
