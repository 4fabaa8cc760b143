import { plannerSuite } from './suites';
import { startTftpd, tftpdMissingReason } from './tftpd-hpa';

plannerSuite('tftpd-hpa (from disk)', startTftpd, tftpdMissingReason());
