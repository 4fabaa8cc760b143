import { startPhonebenchTftp } from './phonebench-tftp';
import { ODD_CASE } from './scenarios';
import { scenarioSuite } from './suites';

// Phonebench matches names in any case, so the odd-case request finds XMLDefault.cnf.xml.
scenarioSuite("Phonebench's TftpServer", startPhonebenchTftp, true, [ODD_CASE]);
