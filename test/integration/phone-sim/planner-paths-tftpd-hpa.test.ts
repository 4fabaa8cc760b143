import { plannerSuite } from './suites';
import { requireTool } from '../../support/require-tool';
import { startTftpd } from './tftpd-hpa';

plannerSuite('tftpd-hpa (from disk)', startTftpd, requireTool('tftpd-hpa', 'planner paths against tftpd-hpa'));
