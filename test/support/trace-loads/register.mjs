// node --import test/support/trace-loads/register.mjs ...: lists every module the process loads on stderr.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
