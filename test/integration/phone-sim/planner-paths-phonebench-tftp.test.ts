import { startPhonebenchTftp } from './phonebench-tftp';
import { plannerSuite } from './suites';

plannerSuite("Phonebench's TftpServer", startPhonebenchTftp, true);
