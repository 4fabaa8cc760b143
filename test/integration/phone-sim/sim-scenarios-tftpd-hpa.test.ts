import { ODD_CASE } from './scenarios';
import { scenarioSuite } from './suites';
import { requireTool } from '../../support/require-tool';
import { startTftpd } from './tftpd-hpa';

// tftpd-hpa (without a remap file) matches exact case: the odd-case request finds nothing and the phone stays.
const oddCaseOnHpa = { ...ODD_CASE, name: `${ODD_CASE.name} (exact-case server: stays on SCCP)`, expect: { kind: 'running' as const, firmware: 'SCCP 8.1(2)' }, requests: ['xmlDefault.CNF.XML'] };
scenarioSuite('tftpd-hpa (from disk)', startTftpd, requireTool('tftpd-hpa', 'virtual phone scenarios against tftpd-hpa'), [oddCaseOnHpa]);
