import { msg } from '../../i18n/message';
import { parseOs79xxTxt } from '../config/os79xx-txt';
import type { Add, LintContext } from './lint-finding';
import { lintImageRef } from './lint-image-ref';

/** A UTF-8 byte order mark, as decoded text (U+FEFF) or read byte for byte (EF BB BF as latin1). */
const BOM = /^(?:\uFEFF|\u00EF\u00BB\u00BF)/;

/** OS79XX.TXT: one image id on the first line, nothing before or after it. */
export function lintOs79xx(text: string, context: LintContext, add: Add): void {
  if (BOM.test(text)) add(1, 'error', msg('lint.os79xx.bom'), msg('lint.os79xx.bom.fix'));
  const read = parseOs79xxTxt(text.replace(BOM, ''));
  if (/\s$/.test(read.id)) add(1, 'error', msg('lint.os79xx.trailingSpace'), msg('lint.os79xx.trailingSpace.fix'));
  if (read.extraLines > 0) add(2, 'warning', msg('lint.os79xx.extraLines'), msg('lint.os79xx.extraLines.fix'));
  lintImageRef(read.id, 1, 'OS79XX.TXT', 'os79xx', context, add);
}
