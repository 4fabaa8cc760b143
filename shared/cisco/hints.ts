/**
 * Known failures of a 7940/7960 migration: what the phone (or the TFTP log) shows, why, and what to do.
 * Built from the domain reference, section 6. Each entry carries its evidence tag and both languages.
 */

export type HintSource = 'doc' | 'cisco' | 'field';

/** The part of a migration a hint concerns, so the wizard can point at the right step. */
export const HINT_STEPS = [
  'tftp-root',
  'os79xx-txt',
  'sip-config',
  'sccp-config',
  'tftp-transfer',
  'network',
  'hop-order',
] as const;
export type HintStep = (typeof HINT_STEPS)[number];

export interface LocalText {
  en: string;
  ja: string;
}

export interface Hint {
  /** Stable: used in events, logs and tests. */
  id: string;
  /** What the phone shows; null for a symptom with no message (listed, never matched). */
  pattern: RegExp | null;
  /** A message as it appears, used by the tests and shown in the panel. */
  sample: string;
  title: LocalText;
  cause: LocalText;
  fix: LocalText;
  step: HintStep;
  sources: HintSource[];
}

export interface HintMatch {
  hint: Hint;
  /** The text that matched. */
  excerpt: string;
}

/** Longest text any pattern can match; the streaming matcher keeps this much from the last chunk. */
export const HINT_MAX_MATCH = 120;

export const HINTS: readonly Hint[] = [
  {
    id: 'sip2-buffer-full',
    pattern: /W210\s+TFTP\s+Error\s*:\s*buffer\s+full/i,
    sample: 'W210 TFTP Error : buffer full',
    title: { en: 'TFTP buffer full (SIP 2.x)', ja: 'TFTP バッファ不足 (SIP 2.x)' },
    cause: {
      en: 'A SIP 2.x phone cannot download a large SIPDefault.cnf.',
      ja: 'SIP 2.x の電話機は大きな SIPDefault.cnf をダウンロードできません。',
    },
    fix: {
      en: 'For this hop serve an OS79XX.TXT with only the image name and a SIPDefault.cnf with only image_version; put the full config back afterwards.',
      ja: 'この段階では、イメージ名だけの OS79XX.TXT と image_version だけの SIPDefault.cnf を置き、完了後に元の設定に戻してください。',
    },
    step: 'sip-config',
    sources: ['doc'],
  },
  {
    id: 'protocol-application-invalid',
    pattern: /Protocol\s+Application\s+Invalid/i,
    sample: 'Protocol Application Invalid',
    title: { en: 'Protocol Application Invalid', ja: 'Protocol Application Invalid' },
    cause: {
      en: 'No application image could be loaded into flash: the zip was not extracted into the TFTP root, files were copied by hand, the loader failed (authentication, missing file, TFTP error), OS79XX.TXT has an extension or the wrong form, or image_version is missing or wrong. Firmware 7.2(2) and earlier on the native VLAN without DHCP option 150 does this too.',
      ja: 'アプリケーションイメージをフラッシュに読み込めませんでした。zip が TFTP ルートに展開されていない、ファイルを手でコピーした、ローダーが失敗した (認証、ファイル不足、TFTP エラー)、OS79XX.TXT に拡張子が付いているか形式が違う、image_version が無いか誤っている、のいずれかです。7.2(2) 以前のファームウェアがオプション 150 なしでネイティブ VLAN から DHCP を受けた場合にも起こります。',
    },
    fix: {
      en: 'Extract the whole zip into the TFTP root, correct OS79XX.TXT, and set image_version in both SIPDefault.cnf and SIP<MAC>.cnf.',
      ja: 'zip 全体を TFTP ルートに展開し、OS79XX.TXT を修正し、SIPDefault.cnf と SIP<MAC>.cnf の両方に image_version を設定してください。',
    },
    step: 'tftp-root',
    sources: ['doc', 'cisco'],
  },
  {
    id: 'image-authentication-failed',
    pattern: /Image\s+Authentication\s+Failed/i,
    sample: 'Image Authentication Failed',
    title: { en: 'Image Authentication Failed', ja: 'Image Authentication Failed' },
    cause: {
      en: 'The signature check of the new image failed.',
      ja: '新しいイメージの署名検証に失敗しました。',
    },
    fix: {
      en: 'Use the files exactly as extracted from the vendor zip; do not rename or copy them by hand.',
      ja: 'ベンダーの zip から展開したファイルをそのまま使ってください。名前の変更や手作業のコピーはしないでください。',
    },
    step: 'tftp-root',
    sources: ['doc'],
  },
  {
    id: 'no-load-specified',
    pattern: /No\s+Load\s+Specified/i,
    sample: 'No Load Specified',
    title: { en: 'No Load Specified', ja: 'No Load Specified' },
    cause: {
      en: 'Flash holds no image and no config file names one.',
      ja: 'フラッシュにイメージが無く、どの設定ファイルもイメージを指定していません。',
    },
    fix: {
      en: 'Name the image in the config file the phone reads, then reboot the phone.',
      ja: '電話機が読む設定ファイルにイメージ名を書き、電話機を再起動してください。',
    },
    step: 'sip-config',
    sources: ['doc'],
  },
  {
    id: 'tftp-state-error',
    pattern: /(?:Failed\s*\(\s*)?State\s+Error(?:\s*\))?/i,
    sample: "Sending 'P0S30400.bin' file to 10.1.1.1 in binary mode ... Failed ( State Error ).",
    title: { en: 'TFTP State Error', ja: 'TFTP State Error' },
    cause: {
      en: 'An old SCCP phone cannot go straight to SIP 3.x/4.x.',
      ja: '古い SCCP の電話機は SIP 3.x/4.x へ直接移行できません。',
    },
    fix: {
      en: 'Move to SIP 2.3 first, then to SIP 3.x/4.x.',
      ja: 'まず SIP 2.3 に移行し、その後 SIP 3.x/4.x に移行してください。',
    },
    step: 'hop-order',
    sources: ['doc'],
  },
  {
    id: 'tftp-timeout',
    pattern: /TFTP\s+Time\s*out/i,
    sample: 'TFTP Timeout',
    title: { en: 'TFTP Timeout', ja: 'TFTP タイムアウト' },
    cause: {
      en: 'The phone cannot reach the TFTP server: server stopped, a firewall blocks UDP 69, or the phone uses the wrong TFTP address.',
      ja: '電話機が TFTP サーバーに届きません。サーバー停止、ファイアウォールによる UDP 69 の遮断、または TFTP アドレスの誤りです。',
    },
    fix: {
      en: 'Check the TFTP server is running, allow UDP 69 in the firewall, and set Alternate TFTP = Yes with TFTP Server 1 = this laptop on the phone.',
      ja: 'TFTP サーバーの稼働を確認し、ファイアウォールで UDP 69 を許可し、電話機で Alternate TFTP を Yes、TFTP Server 1 をこの PC のアドレスにしてください。',
    },
    step: 'network',
    sources: ['field'],
  },
  {
    id: 'tftp-error',
    // "W210 TFTP Error : buffer full" has its own hint; this one is any other TFTP error.
    pattern: /TFTP\s+Error(?![ \t]*:[ \t]*buffer)/i,
    sample: 'TFTP Error',
    title: { en: 'TFTP Error', ja: 'TFTP エラー' },
    cause: {
      en: 'A TFTP transfer failed: server unreachable, firewall, wrong TFTP address, or the file is missing from the root.',
      ja: 'TFTP 転送に失敗しました。サーバーに届かない、ファイアウォール、TFTP アドレスの誤り、またはルートにファイルが無いことが原因です。',
    },
    fix: {
      en: 'Check the server, the firewall and the Alternate TFTP setting; look at the TFTP log for the file the phone asked for.',
      ja: 'サーバー、ファイアウォール、Alternate TFTP の設定を確認し、電話機が要求したファイルを TFTP ログで確認してください。',
    },
    step: 'network',
    sources: ['field'],
  },
  {
    id: 'file-not-found',
    pattern: /File\s+not\s+found/i,
    sample: 'File not found',
    title: { en: 'File not found', ja: 'ファイルが見つかりません' },
    cause: {
      en: 'The phone asked for a file the TFTP root does not hold. Loader-era phones ask for CTLSEP<MAC>.tlv first; that one may be missing.',
      ja: '電話機が要求したファイルが TFTP ルートにありません。ローダー世代の電話機は最初に CTLSEP<MAC>.tlv を要求しますが、これは無くても構いません。',
    },
    fix: {
      en: 'Compare the requested name with the root (case and the ./ prefix matter); extract the whole firmware zip.',
      ja: '要求された名前とルートの内容を比べてください (大文字小文字と ./ の接頭辞に注意)。ファームウェアの zip 全体を展開してください。',
    },
    step: 'tftp-root',
    sources: ['field'],
  },
  {
    id: 'unprovisioned',
    pattern: /\bunprovisioned\b/i,
    sample: 'Unprovisioned',
    title: { en: 'Phone stays unprovisioned', ja: '電話機がプロビジョニングされない' },
    cause: {
      en: 'OS79XX.TXT has the wrong form: SIP 2.3 and earlier want P0S3xxyy, SIP 3.0 and later P0S3-xx-y-zz, SCCP P003aabbccdd.',
      ja: 'OS79XX.TXT の形式が誤っています。SIP 2.3 以前は P0S3xxyy、SIP 3.0 以降は P0S3-xx-y-zz、SCCP は P003aabbccdd です。',
    },
    fix: {
      en: 'Write the image name in the form the target expects, without extension or trailing space.',
      ja: '移行先が求める形式でイメージ名を書いてください。拡張子や末尾の空白は付けないでください。',
    },
    step: 'os79xx-txt',
    sources: ['doc'],
  },
  {
    id: 'sccp-load-name-too-long',
    pattern: null,
    sample: 'SIP phone ignores the SCCP load',
    title: { en: 'SIP phone ignores the SCCP load', ja: 'SIP 電話機が SCCP ロードを無視する' },
    cause: {
      en: 'SIP 2.1 and earlier do not accept an SCCP file name longer than 8.3.',
      ja: 'SIP 2.1 以前は 8.3 形式より長い SCCP ファイル名を受け付けません。',
    },
    fix: {
      en: 'Upgrade SIP first, or serve the SCCP load under an 8.3 name.',
      ja: '先に SIP をアップグレードするか、SCCP ロードを 8.3 形式の名前で置いてください。',
    },
    step: 'hop-order',
    sources: ['doc'],
  },
  {
    id: 'old-application-boots',
    pattern: null,
    sample: 'Loader updated but the phone boots its old application',
    title: { en: 'Phone boots its old application', ja: '電話機が古いアプリケーションで起動する' },
    cause: {
      en: 'The loader was updated but the application image was rejected or never fetched.',
      ja: 'ローダーは更新されたが、アプリケーションイメージが拒否されたか取得されませんでした。',
    },
    fix: {
      en: 'Check that the .loads and .sb2 files are in the TFTP root exactly as extracted, and that image_version names them.',
      ja: '.loads と .sb2 ファイルが展開したままの状態で TFTP ルートにあり、image_version がそれを指しているか確認してください。',
    },
    step: 'tftp-root',
    sources: ['field'],
  },
];

const BY_ID = new Map(HINTS.map((hint) => [hint.id, hint]));

export function hintById(id: string): Hint | undefined {
  return BY_ID.get(id);
}

/** Console bytes may be anything: keep printable text, line breaks as one LF, other control bytes as a space. */
export function cleanConsoleText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, (run) => (/[\r\n]/.test(run) ? '\n' : ' '));
}

function globalOf(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
}

const MATCHABLE = HINTS.flatMap((hint) => (hint.pattern ? [{ hint, re: globalOf(hint.pattern) }] : []));

function matchesIn(text: string): { hint: Hint; start: number; end: number; excerpt: string }[] {
  const found: { hint: Hint; start: number; end: number; excerpt: string }[] = [];
  for (const { hint, re } of MATCHABLE) {
    re.lastIndex = 0;
    for (let m = re.exec(text), guard = 0; m !== null && guard < 1000; m = re.exec(text), guard++) {
      if (m[0].length === 0) re.lastIndex++;
      found.push({ hint, start: m.index, end: m.index + m[0].length, excerpt: m[0].slice(0, HINT_MAX_MATCH) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Every known failure in a piece of console or TFTP log text, in the order it appears, each hint once. */
export function matchHints(text: string): Hint[] {
  const seen = new Set<string>();
  const hints: Hint[] = [];
  for (const { hint } of matchesIn(cleanConsoleText(text))) {
    if (seen.has(hint.id)) continue;
    seen.add(hint.id);
    hints.push(hint);
  }
  return hints;
}

/**
 * Hints that cannot decide while the text after them could still grow into another message: a "TFTP Error"
 * followed, so far, by the start of ": buffer full" on the same line. The next chunk decides.
 */
const UNDECIDED: Partial<Record<string, RegExp>> = {
  'tftp-error': /^[ \t]*(?::[ \t]*(?:b(?:u(?:f(?:f(?:e(?:r)?)?)?)?)?)?)?$/i,
};

/**
 * Matches a stream fed in arbitrary chunks: a message split across two chunks is found once, when its
 * last part arrives. Keeps only the last HINT_MAX_MATCH characters between chunks.
 */
export class StreamingHintMatcher {
  private carry = '';
  /** Characters pushed so far (after cleaning). */
  private consumed = 0;
  /** Per hint, where its last reported match ended (absolute), so one message is reported once. */
  private readonly lastEnd = new Map<string, number>();

  push(chunk: string): HintMatch[] {
    const cleaned = cleanConsoleText(chunk);
    if (cleaned.length === 0) return [];
    const window = this.carry + cleaned;
    const base = this.consumed - this.carry.length;
    const results: HintMatch[] = [];
    for (const m of matchesIn(window)) {
      // Not decided yet: leave it for the next chunk, which still holds it in the carry.
      if (UNDECIDED[m.hint.id]?.test(window.slice(m.end))) continue;
      const start = base + m.start;
      const end = base + m.end;
      // Overlaps (or repeats) a match already reported: not new. A match inside the carried text that was
      // never reported can only be one left for this chunk just above.
      if (start < (this.lastEnd.get(m.hint.id) ?? 0)) continue;
      this.lastEnd.set(m.hint.id, end);
      results.push({ hint: m.hint, excerpt: m.excerpt });
    }
    this.consumed += cleaned.length;
    this.carry = window.slice(-HINT_MAX_MATCH);
    return results;
  }

  reset(): void {
    this.carry = '';
    this.consumed = 0;
    this.lastEnd.clear();
  }
}
