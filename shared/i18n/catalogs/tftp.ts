import type { DomainCatalog } from '../catalog-types';

/** What the TFTP server and its page's service say. */
const en = {
  'tftp.folder.root': 'TFTP root',
  'tftp.folder.upload': 'upload folder',
  'tftp.folderMissing': 'The {what} {path} does not exist.',
  'tftp.folderMissing.fix': 'Create it, or choose another folder.',
  'tftp.notFolder': 'The {what} {path} is not a folder.',
  'tftp.notFolder.fix': 'Choose a folder.',
  'tftp.noAllowlist': 'No phone address given: the server would answer every phone on the network.',
  'tftp.noAllowlist.fix': "Enter the phone's IP address, or choose 'serve every phone' on purpose.",
  'tftp.notRunning': 'The TFTP server is not running.',
  'tftp.notRunning.fix': 'Start it first.',
  'tftp.anyAddress': 'Refusing to listen on every network (0.0.0.0) without being asked explicitly.',
  'tftp.anyAddress.fix': "Choose the address of the interface the phone is on, or confirm 'all interfaces'.",
} as const;

export const tftpCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'tftp.folder.root': 'TFTP ルート',
    'tftp.folder.upload': 'アップロード用フォルダー',
    'tftp.folderMissing': '{what} {path} がありません。',
    'tftp.folderMissing.fix': '作成するか、別のフォルダーを選んでください。',
    'tftp.notFolder': '{what} {path} はフォルダーではありません。',
    'tftp.notFolder.fix': 'フォルダーを選んでください。',
    'tftp.noAllowlist': '電話機のアドレスが指定されていません。このままではネットワーク上のすべての電話機に応答してしまいます。',
    'tftp.noAllowlist.fix': '電話機の IP アドレスを入力するか、意図して「すべての電話機に応答」を選んでください。',
    'tftp.notRunning': 'TFTP サーバーは動いていません。',
    'tftp.notRunning.fix': '先にサーバーを開始してください。',
    'tftp.anyAddress': '明示的な指示なしに、すべてのネットワーク (0.0.0.0) で待ち受けることはしません。',
    'tftp.anyAddress.fix': '電話機がつながっているインターフェイスのアドレスを選ぶか、「すべてのインターフェイス」を確認してください。',
  },
};
