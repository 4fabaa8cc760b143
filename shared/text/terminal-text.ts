/**
 * Text from outside (a requested file name, DHCP option 60, an archive's entry names or OS79XX.TXT) made safe
 * to print to a terminal or a text log: every character a terminal would act on is written out visibly instead.
 * C0 controls and DEL become `\n`, `\r`, `\t` or `\xNN`; C1 controls, U+2028/U+2029 and the bidi controls
 * become `\uNNNN`. Everything else (Japanese included) is left as it is. A backslash is not doubled, so
 * Windows paths stay readable; a name that holds the text `\n` therefore prints like one holding a newline,
 * but neither can start a new line or move the cursor.
 */

/** Characters a terminal acts on: C0, DEL, C1, line/paragraph separators, bidi embeddings/overrides/isolates/marks. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same but keeping LF and TAB: for whole outputs whose lines were made by the program itself. */
// eslint-disable-next-line no-control-regex
const UNSAFE_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One field or one line: nothing in it can start a line, move the cursor or reorder the text. */
export function escapeTerminalText(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * A whole output the program composed (several lines it ended itself): LF and TAB stay, everything else unsafe
 * is written out. The last net under every CLI write; fields from outside are escaped with escapeTerminalText
 * first, because here a forged LF cannot be told from a real one.
 */
export function escapeTerminalOutput(text: string): string {
  return text.replace(UNSAFE_KEEP_LINES, visible);
}

/** True when `text` holds nothing escapeTerminalText would change. */
export function isTerminalSafe(text: string): boolean {
  return !new RegExp(UNSAFE.source).test(text);
}
