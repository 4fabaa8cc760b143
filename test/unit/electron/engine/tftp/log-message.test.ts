import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureMessage, refusalMessage, tftpEventMessage } from '../../../../../electron/engine/tftp/log-message';
import { formatTftpEvent } from '../../../../../electron/engine/tftp/log-line';
import { formatMessage } from '../../../../../shared/i18n/format';
import { osReason } from '../../../../../shared/i18n/os-reason';

const ja = (m: Parameters<typeof formatMessage>[1]) => formatMessage('ja', m);
const client = { address: '10.1.1.20', port: 50000 };
const at = '2026-12-04T09:15:02.000Z';

describe('the TFTP log and rows as messages (issue 19 item 3)', () => {
  it('says every failure reason the server and transfers write, in Japanese, keeping unknown text as detail', () => {
    const source = ['server.ts', 'transfer.ts'].map((f) => readFileSync(path.resolve(__dirname, '../../../../../electron/engine/tftp', f), 'utf8')).join('\n');
    // Every literal reason handed to fail()/failed() must be one the mapper knows (not the catch-all).
    const literals = [...source.matchAll(/\bfail(?:ed)?\((?:meta, )?'([^']+)'/g)].map((m) => m[1]!);
    expect(literals.length).toBeGreaterThan(3);
    for (const reason of literals) expect(failureMessage(reason).key, reason).not.toBe('tftp.why.other');
    // The templated ones, as the server fills them.
    const samples = ["mode 'mail' not supported", 'no answer from the client within 120 s', 'timed out after 5 retries', 'client sent error 2: Access violation', 'upload larger than 1048576 bytes',
      'socket error: EHOSTUNREACH', 'read error: EIO', 'server error: boom', 'could not store upload: ENOSPC', 'no port for the transfer: EADDRINUSE'];
    const templated = [...source.matchAll(/\bfail(?:ed)?\((?:meta, )?`([^`$]+)\$\{/g)].map((m) => m[1]!);
    for (const head of templated) expect(samples.some((x) => x.startsWith(head)), `a sample for "${head}"`).toBe(true);
    for (const reason of samples) expect(failureMessage(reason).key, reason).not.toBe('tftp.why.other');
    expect(ja(failureMessage('file not found'))).toBe('ファイルがありません');
    expect(ja(failureMessage('timed out after 5 retries'))).toBe('5 回再送しても電話機から応答がありません');
    expect(ja(failureMessage('server stopped'))).toBe('サーバーを停止しました');
    expect(ja(failureMessage('read error: EIO: i/o error, read'))).toBe('ファイルを読み出せません: 入出力エラー (デバイスが応答しなくなりました) (システムのメッセージ: EIO: i/o error, read)');
    expect(ja(failureMessage('something new'))).toBe('something new');
  });

  it('says refusals, naming what is wrong with a path', () => {
    expect(ja(refusalMessage('not-target-phone', 'not the target phone'))).toBe('このサーバーの配信先ではない電話機です。何も送信していません');
    expect(ja(refusalMessage('path', "parent folder ('..')"))).toBe("使えない名前です (親フォルダー ('..') を指しています)。何も送信していません");
  });

  it('gives each log line its message, the file text staying English', () => {
    const line = formatTftpEvent({ type: 'failed', at, id: 't1', client, filename: 'missing.bin', direction: 'read', mode: 'octet', reason: 'file not found', bytes: 0, durationMs: 3, retransmits: 0 });
    expect(line?.text).toContain("Sending 'missing.bin' to 10.1.1.20 (octet): Failed (file not found) after 0 bytes");
    expect(line?.message && ja(line.message)).toBe("'missing.bin' を 10.1.1.20 に送信 (octet): 失敗 (ファイルがありません)、0 バイト送信済み");
    const refused = tftpEventMessage({ type: 'refused', at, client, filename: 'OS79XX.TXT', direction: 'read', reason: 'not-target-phone', detail: 'not the target phone' });
    expect(refused && ja(refused)).toBe("10.1.1.20 から 'OS79XX.TXT' の読み出し要求: 拒否 (このサーバーの配信先ではない電話機です。何も送信していません)");
  });

  it('escapes what came from the wire in the words too', () => {
    const m = tftpEventMessage({ type: 'refused', at, client, filename: 'a\u001b[2Jb\u202e', direction: 'read', reason: 'path', detail: 'control character in name' });
    expect(m && [...ja(m)].some((c) => c === '\u001b' || c === '\u202e')).toBe(false);
  });
});

describe('OS error reasons', () => {
  it('says a known code in words and keeps the raw text beside it', () => {
    expect(formatMessage('ja', osReason('bind EADDRINUSE 127.0.0.1:69') as never)).toBe('このアドレスとポートはほかのプログラムが使用中です (システムのメッセージ: bind EADDRINUSE 127.0.0.1:69)');
    expect(formatMessage('en', osReason('open EACCES /dev/ttyUSB0') as never)).toBe('permission denied (system message: open EACCES /dev/ttyUSB0)');
    expect(osReason('no code here')).toBe('no code here');
  });
});
