import type { Language } from '../../../shared/api/app';

/**
 * One catalogue per domain, in a file beside this one (app.ts, tftp.ts, firmware.ts, ...), each exporting
 * `messages: Catalog` with keys prefixed by the domain ('tftp.start'). They are found automatically.
 * Both languages must have the same keys (a unit test checks). `{name}` in a text is filled from vars.
 */
export type Catalog = Record<Language, Record<string, string>>;
