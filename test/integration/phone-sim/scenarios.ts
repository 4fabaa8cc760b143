import type { SimOutcome } from '../../../shared/api/sim';
import { makeSyntheticImage } from '../../../shared/cisco/synthetic-image';

/** Hand-written TFTP roots and what the virtual phone must end with, served by each real server in turn. */

export const MAC = '000E84C060A6';

export interface Scenario {
  name: string;
  firmware: string;
  model?: '7940' | '7960';
  files: [string, string | Uint8Array][];
  expect: Partial<SimOutcome>;
  /** Requests that must appear, in this order (others may come between). */
  requests?: string[];
  /** Requests that must never appear. */
  never?: string[];
  simulateStateError?: boolean;
  oddCaseXmlDefault?: boolean;
}

function img(...names: string[]): [string, Uint8Array][] {
  return names.map((n) => [n, makeSyntheticImage(n, 3000)]);
}

const sep = (load: string): string =>
  `<device><deviceProtocol>SIP</deviceProtocol><loadInformation model="IP Phone 7960">${load}</loadInformation></device>\n`;

const xmlDefault = (load: string): string =>
  `<Default>\n  <loadInformation7 model="IP Phone 7960">${load}</loadInformation7>\n  <loadInformation8 model="IP Phone 7940">${load}</loadInformation8>\n</Default>\n`;

export const SCENARIOS: Scenario[] = [
  {
    name: 'F1 SCCP 3.1 -> SIP 6.3 via OS79XX.TXT',
    firmware: 'SCCP 3.1',
    files: [
      ['OS79XX.TXT', 'P0S3-06-3-00\n'],
      ...img('P0S3-06-3-00.bin'),
      ['SIPDefault.cnf', 'image_version: P0S3-06-3-00\n'],
      [`SIP${MAC}.cnf`, 'image_version: P0S3-06-3-00\nline1_name: 100\n'],
      ['RINGLIST.DAT', 'Classic ringer1.pcm\n'],
    ],
    expect: { kind: 'running', firmware: 'SIP 6.3', protocol: 'sip' },
    requests: ['OS79XX.TXT', 'P0S3-06-3-00.bin', 'OS79XX.TXT', 'SIPDefault.cnf', `SIP${MAC}.cnf`],
  },
  {
    // What the planner serves for F2 (field practice, [field]): XMLDefault.cnf.xml names the loader for the first
    // boot, the SIP configs name the application. OS79XX.TXT names the loader too, as the plan writes it.
    name: 'F2 SCCP 3.1 -> SIP 8.12 [field]: XMLDefault.cnf.xml names the loader, image_version the application',
    firmware: 'SCCP 3.1',
    files: [
      ['OS79XX.TXT', 'P003-8-12-00\n'],
      ['XMLDefault.cnf.xml', xmlDefault('P003-8-12-00')],
      ...img('P003-8-12-00.bin', 'P003-8-12-00.sbn', 'P0S3-8-12-00.sb2'),
      ['P0S3-8-12-00.loads', 'opaque load descriptor\n'],
      ['SIPDefault.cnf', 'image_version: P0S3-8-12-00\ntftp_cfg_dir: ./\n'],
      [`SIP${MAC}.cnf`, 'image_version: P0S3-8-12-00\n'],
      ['dialplan.xml', '<DIALTEMPLATE><TEMPLATE MATCH="*" Timeout="5"/></DIALTEMPLATE>\n'],
    ],
    expect: { kind: 'running', firmware: 'SIP 8.12', image: 'P0S3-8-12-00' },
    requests: ['OS79XX.TXT', `SEP${MAC}.cnf.xml`, 'XMLDefault.cnf.xml', 'P003-8-12-00.bin', `CTLSEP${MAC}.tlv`, 'P0S3-8-12-00.loads', 'P0S3-8-12-00.sb2', `./SIP${MAC}.cnf`],
    never: ['term40.default.loads', 'term60.default.loads'],
  },
  {
    // No undocumented exception: the loader shares its first four characters with SCCP loads, so OS79XX.TXT alone
    // does not move an SCCP phone (issue 17); without XMLDefault.cnf.xml naming it, the phone stays on SCCP.
    name: 'SCCP 3.1 with only OS79XX.TXT naming the loader stays on SCCP 3.1',
    firmware: 'SCCP 3.1',
    files: [
      ['OS79XX.TXT', 'P003-8-12-00\n'],
      ...img('P003-8-12-00.bin', 'P003-8-12-00.sbn', 'P0S3-8-12-00.sb2'),
      ['P0S3-8-12-00.loads', 'opaque load descriptor\n'],
      ['SIPDefault.cnf', 'image_version: P0S3-8-12-00\ntftp_cfg_dir: ./\n'],
      [`SIP${MAC}.cnf`, 'image_version: P0S3-8-12-00\n'],
    ],
    expect: { kind: 'running', firmware: 'SCCP 3.1' },
    requests: ['OS79XX.TXT', `SEP${MAC}.cnf.xml`, 'XMLDefault.cnf.xml'],
    never: ['P003-8-12-00.bin', 'P003-8-12-00.sbn'],
  },
  {
    name: 'F3 SCCP 8.1(2)SR2 -> SIP 8.12 via loadInformation',
    firmware: 'SCCP 8.1(2)SR2',
    files: [
      [`SEP${MAC}.cnf.xml`, sep('P0S3-8-12-00')],
      ['P0S3-8-12-00.loads', 'opaque\n'],
      ...img('P003-8-12-00.sbn', 'P0S3-8-12-00.sb2'),
      ['SIPDefault.cnf', 'image_version: P0S3-8-12-00\ntftp_cfg_dir: ./\n'],
      [`SIP${MAC}.cnf`, 'image_version: P0S3-8-12-00\n'],
    ],
    expect: { kind: 'running', firmware: 'SIP 8.12' },
    requests: [`CTLSEP${MAC}.tlv`, `SEP${MAC}.cnf.xml`, 'P0S3-8-12-00.loads', 'P003-8-12-00.sbn', 'P0S3-8-12-00.sb2', `CTLSEP${MAC}.tlv`, `SEP${MAC}.cnf.xml`, 'P0S3-8-12-00.loads', 'SIPDefault.cnf', `./SIP${MAC}.cnf`],
  },
  {
    name: 'R4 SIP 8.12 -> SCCP 8.1(2) via image_version',
    firmware: 'SIP 8.12',
    files: [[`SIP${MAC}.cnf`, 'image_version: P00308010200\n'], ['P00308010200.loads', 'x\n'], ...img('P00308010200.sbn', 'P00308010200.sb2')],
    expect: { kind: 'running', firmware: 'SCCP 8.1(2)', protocol: 'sccp' },
  },
  {
    name: 'R1 SIP 4.4 -> SCCP 5.0(1.1) via OS79XX.TXT',
    firmware: 'SIP 4.4',
    files: [['OS79XX.TXT', 'P00305000101\n'], ...img('P00305000101.bin')],
    expect: { kind: 'running', firmware: 'SCCP 5.0(1.1)' },
  },
  {
    name: 'unsigned .bin on a signed phone: Image Authentication Failed',
    firmware: 'SCCP 5.0(1.1)',
    files: [['OS79XX.TXT', 'P0S3-06-3-00\n'], ...img('P0S3-06-3-00.bin')],
    expect: { kind: 'error', message: 'Image Authentication Failed' },
    requests: ['P0S3-06-3-00.sbn', 'P0S3-06-3-00.bin'],
  },
  {
    name: 'renamed image: Image Authentication Failed',
    firmware: 'SCCP 3.1',
    files: [['OS79XX.TXT', 'P0S3-06-3-00\n'], ['P0S3-06-3-00.bin', makeSyntheticImage('P0S3-06-2-00.bin', 3000)]],
    expect: { kind: 'error', message: 'Image Authentication Failed' },
  },
  {
    name: 'empty flash and nothing names an image: No Load Specified',
    firmware: 'none',
    files: [['RINGLIST.DAT', 'x\n']],
    expect: { kind: 'error', message: 'No Load Specified' },
  },
  {
    name: 'loader without its application: Protocol Application Invalid',
    firmware: 'SCCP 8.1(2)',
    files: [[`SEP${MAC}.cnf.xml`, sep('P0S3-8-12-00')], ['P0S3-8-12-00.loads', 'x\n'], ...img('P003-8-12-00.sbn')],
    expect: { kind: 'error', message: 'Protocol Application Invalid' },
  },
  {
    name: 'SIP 2.3 and a large SIPDefault.cnf: W210 TFTP Error : buffer full',
    firmware: 'SIP 2.3',
    files: [['OS79XX.TXT', 'P0S30203\n'], ['SIPDefault.cnf', `image_version: P0S30203\n${'proxy1_address: 192.0.2.10 ; padding\n'.repeat(100)}`]],
    expect: { kind: 'error', message: 'W210 TFTP Error : buffer full' },
  },
  {
    name: 'SIP 2.1 ignores an SCCP load named longer than 8.3',
    firmware: 'SIP 2.1',
    files: [['OS79XX.TXT', 'P00304020100\n'], ...img('P00304020100.bin')],
    expect: { kind: 'running', firmware: 'SIP 2.1' },
    never: ['P00304020100.bin'],
  },
  {
    name: 'trailing space in OS79XX.TXT asks for a name that does not exist',
    firmware: 'SCCP 3.1',
    files: [['OS79XX.TXT', 'P0S3-06-3-00 \n'], ...img('P0S3-06-3-00.bin')],
    expect: { kind: 'error', message: 'Protocol Application Invalid' },
    requests: ['OS79XX.TXT', 'P0S3-06-3-00 .bin'],
  },
  {
    name: 'below 5.0 on a signed phone is refused',
    firmware: 'SIP 8.12',
    files: [[`SIP${MAC}.cnf`, 'image_version: P0S3-04-4-00\n'], ...img('P0S3-04-4-00.sbn', 'P0S3-04-4-00.bin')],
    expect: { kind: 'error', message: 'Image Authentication Failed' },
  },
  {
    name: 'old SCCP to SIP 4.4 with State Error simulated: the server sees three failed transfers',
    firmware: 'SCCP 3.1',
    simulateStateError: true,
    files: [['OS79XX.TXT', 'P0S3-04-4-00\n'], ...img('P0S3-04-4-00.bin')],
    expect: { kind: 'error', message: 'TFTP Error' },
    requests: ['OS79XX.TXT', 'P0S3-04-4-00.bin', 'P0S3-04-4-00.bin', 'P0S3-04-4-00.bin'],
  },
];

/** Some firmware asks for `xmlDefault.CNF.XML`: what happens depends on whether the server matches any case. */
export const ODD_CASE: Scenario = {
  name: 'a loader-era phone asking for xmlDefault.CNF.XML',
  firmware: 'SCCP 8.1(2)',
  oddCaseXmlDefault: true,
  files: [
    ['XMLDefault.cnf.xml', '<Default><loadInformation7 model="IP Phone 7960">P0S3-8-12-00</loadInformation7></Default>\n'],
    ['P0S3-8-12-00.loads', 'x\n'],
    ...img('P003-8-12-00.sbn', 'P0S3-8-12-00.sb2'),
  ],
  expect: { kind: 'running', firmware: 'SIP 8.12' },
  requests: ['xmlDefault.CNF.XML', 'P0S3-8-12-00.loads'],
};

export { inOrder } from '../../fixtures/phone-sim/planner-roots';
