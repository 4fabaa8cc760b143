import { describe, expect, it } from 'vitest';
import { parseFirmwareLabel } from '../../../../../shared/cisco/firmware-version';
import { firmwareFromLabel, infoOf } from '../../../../../electron/engine/phone-sim/sim-session';
import { VirtualPhone } from '../../../../../electron/engine/phone-sim/virtual-phone';
import { memoryFetcher } from './memory-fetcher';

describe('sim session helpers', () => {
  it('reports what the config gave the phone with passwords masked', async () => {
    const phone = new VirtualPhone({
      id: 'i',
      mac: '000E84C060A6',
      model: '7940',
      firmware: parseFirmwareLabel('SIP 8.12'),
      fetch: memoryFetcher(new Map([['SIP000E84C060A6.cnf', 'phone_password: s3cret\nline1_password: p4ss\nline1_name: 201\n']])),
      tftpServer: '127.0.0.1',
      flashWriteMs: 0,
    });
    await phone.boot();
    const info = infoOf(phone);
    expect(info.config).toEqual({ phone_password: '********', line1_password: '********', line1_name: '201' });
    expect(JSON.stringify(info)).not.toMatch(/s3cret|p4ss/);
    expect(info).toMatchObject({ model: '7940', state: 'running', outcome: { kind: 'running', firmware: 'SIP 8.12' } });
  });

  it('reads firmware labels, and none for an empty flash', () => {
    expect(firmwareFromLabel('sccp 8.1(2)sr2')).toMatchObject({ protocol: 'SCCP', major: 8, minor: 1, serviceRelease: 2 });
    expect(firmwareFromLabel('none')).toBeUndefined();
    expect(() => firmwareFromLabel('P0S3-8-12-00')).toThrow(/not a firmware label/);
  });
});
