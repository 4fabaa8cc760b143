import { startPhonebenchTftp } from './phonebench-tftp';
import { scenarioSuite } from './suites';

scenarioSuite("Phonebench's TftpServer", startPhonebenchTftp, undefined);
