import { msg, type Message } from '../../i18n/message';
/**
 * A small, tolerant XML reader for the phones' config files (no DOM in shared/). It keeps elements,
 * attributes and text; skips declarations, comments, CDATA markers and doctype; never throws on bad input
 * but returns problems. Not a general XML parser: no namespaces, no DTD entities.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element, entity-decoded, trimmed. */
  text: string;
  /** 1-based line where the element starts. */
  line: number;
}

export interface XmlReadResult {
  root?: XmlElement;
  problems: { line: number; message: Message }[];
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const MAX_DEPTH = 64;

export function readXml(text: string): XmlReadResult {
  const problems: { line: number; message: Message }[] = [];
  const top: XmlElement = { name: '#document', attributes: {}, children: [], text: '', line: 1 };
  const stack: XmlElement[] = [top];
  let i = 0;
  let line = 1;
  const advance = (to: number): void => {
    for (let k = i; k < to && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const current = stack[stack.length - 1] ?? top;
    if (lt < 0) {
      current.text += decodeEntities(text.slice(i));
      advance(text.length);
      break;
    }
    if (lt > i) current.text += decodeEntities(text.slice(i, lt));
    advance(lt);
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      advance(end < 0 ? text.length : end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      current.text += text.slice(i + 9, end < 0 ? text.length : end);
      advance(end < 0 ? text.length : end + 3);
      continue;
    }
    if (text.startsWith('<?', i) || text.startsWith('<!', i)) {
      const end = text.indexOf('>', i);
      advance(end < 0 ? text.length : end + 1);
      continue;
    }
    const gt = findTagEnd(text, i);
    if (gt < 0) {
      problems.push({ line, message: msg('config.xml.tagNotClosed') });
      break;
    }
    const inner = text.slice(i + 1, gt);
    const startLine = line;
    advance(gt + 1);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      const at = findOpen(stack, name);
      if (at < 0) {
        problems.push({ line: startLine, message: msg('config.xml.closingWithoutOpening', { name }) });
        continue;
      }
      for (let k = stack.length - 1; k > at; k--) {
        problems.push({ line: startLine, message: msg('config.xml.notClosed', { name: stack[k]?.name ?? '' }) });
      }
      stack.length = at;
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const nameMatch = NAME.exec(body);
    if (nameMatch === null) {
      problems.push({ line: startLine, message: msg('config.xml.badTagName') });
      continue;
    }
    const element: XmlElement = {
      name: nameMatch[0],
      attributes: readAttributes(body.slice(nameMatch[0].length)),
      children: [],
      text: '',
      line: startLine,
    };
    current.children.push(element);
    if (!selfClosing) {
      if (stack.length > MAX_DEPTH) {
        problems.push({ line: startLine, message: msg('config.xml.tooDeep') });
        break;
      }
      stack.push(element);
    }
  }
  for (let k = stack.length - 1; k > 0; k--) {
    problems.push({ line, message: msg('config.xml.notClosed', { name: stack[k]?.name ?? '' }) });
  }
  trimTexts(top);
  const roots = top.children;
  if (roots.length === 0) problems.push({ line: 1, message: msg('config.xml.noElement') });
  if (roots.length > 1) problems.push({ line: roots[1]?.line ?? 1, message: msg('config.xml.manyRoots') });
  const root = roots[0];
  return root === undefined ? { problems } : { root, problems };
}

function findTagEnd(text: string, from: number): number {
  let quote = '';
  for (let k = from + 1; k < text.length; k++) {
    const c = text[k];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k;
    else if (c === '<') return -1;
  }
  return -1;
}

function findOpen(stack: XmlElement[], name: string): number {
  for (let k = stack.length - 1; k > 0; k--) if (stack[k]?.name.toLowerCase() === name.toLowerCase()) return k;
  return -1;
}

function readAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out[m[1] ?? ''] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

function trimTexts(e: XmlElement): void {
  e.text = e.text.trim();
  for (const c of e.children) trimTexts(c);
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, body: string) => {
    const b = body.toLowerCase();
    if (b === 'amp') return '&';
    if (b === 'lt') return '<';
    if (b === 'gt') return '>';
    if (b === 'quot') return '"';
    if (b === 'apos') return "'";
    const code = b.startsWith('#x') ? parseInt(b.slice(2), 16) : parseInt(b.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** First child with this name, compared without case (some firmware writes odd case). */
export function childNamed(e: XmlElement, name: string): XmlElement | undefined {
  const n = name.toLowerCase();
  return e.children.find((c) => c.name.toLowerCase() === n);
}

/** Every element below `e` (depth first), `e` excluded. */
export function descendants(e: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (x: XmlElement): void => {
    for (const c of x.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(e);
  return out;
}
