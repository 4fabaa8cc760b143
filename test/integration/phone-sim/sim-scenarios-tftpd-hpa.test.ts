import { scenarioSuite } from './suites';
import { startTftpd, tftpdMissingReason } from './tftpd-hpa';

scenarioSuite('tftpd-hpa (from disk)', startTftpd, tftpdMissingReason());
