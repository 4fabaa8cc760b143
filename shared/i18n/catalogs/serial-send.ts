import type { DomainCatalog } from '../catalog-types';

/** Send file on a console. */
const en = {
  'serialSend.notText': '{name} is not a text file (it holds NUL bytes): nothing was sent.',
  'serialSend.notText.fix': 'Send a plain text file: one console line per line.',
  'serialSend.tooManyLines': '{name} has {lines} lines; at most {max} are sent at once.',
  'serialSend.tooManyLines.fix': 'Split the file and send it in parts.',
  'serialSend.busy': 'A file is being sent on this console already.',
  'serialSend.busy.fix': 'Wait for it to finish, or stop it first.',
  'serialSend.failed': 'Sending stopped: {reason}',
} as const;

export const serialSendCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'serialSend.notText': '{name} はテキストファイルではありません(NUL バイトを含みます)。何も送信していません。',
    'serialSend.notText.fix': 'コンソールの 1 行を 1 行に書いたテキストファイルを送ってください。',
    'serialSend.tooManyLines': '{name} は {lines} 行あります。一度に送れるのは {max} 行までです。',
    'serialSend.tooManyLines.fix': 'ファイルを分けて送ってください。',
    'serialSend.busy': 'このコンソールではすでにファイルを送信中です。',
    'serialSend.busy.fix': '終わるのを待つか、先に止めてください。',
    'serialSend.failed': '送信が止まりました: {reason}',
  },
};
