import type { DomainCatalog } from '../catalog-types';

/** What a firmware import says when it refuses a source or stops at one of its limits. */
const en = {
  'firmwareImport.kind.device': 'a device',
  'firmwareImport.kind.fifo': 'a named pipe',
  'firmwareImport.kind.socket': 'a socket',
  'firmwareImport.kind.other': 'a special file',
  'firmwareImport.notRegular': '{path} is {kind}, not a file or a folder.',
  'firmwareImport.notRegular.fix': 'Pick the firmware archive downloaded from Cisco, or the folder it was unpacked into.',
  'firmwareImport.notFirmware': '{name} is neither an archive (zip, tar, tar.gz) nor a 7940/7960 firmware image.',
  'firmwareImport.notFirmware.fix':
    'Pick the archive downloaded from Cisco (for SCCP, the cmterm-...zip rather than the CallManager installer .exe), or the folder it was unpacked into.',
  'firmwareImport.sourceTooLarge': '{name} is {size} MiB, more than the import limit of {limit} MiB.',
  'firmwareImport.unpacksTooLarge': '{name} unpacks to more than the import limit of {limit} MiB.',
  'firmwareImport.tooManyEntries': '{name} holds more than {limit} entries, the import limit.',
  'firmwareImport.tooDeep': '{where} lies more than {limit} folders deep, the import limit.',
  'firmwareImport.tooSlow': 'The import of {name} took longer than the limit of {limit} seconds and was stopped; nothing was added to the library.',
  'firmwareImport.raiseLimit.fix':
    'Firmware bundles are far smaller; check that this is the right archive. If it is, raise "firmwareImport.{setting}" (now {limit}) in settings.json in the Phonebench data folder and import again.',
  'firmwareImport.cancelled': 'The import of {name} was stopped; nothing was added to the library.',
} as const;

export const firmwareImportCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'firmwareImport.kind.device': 'デバイス',
    'firmwareImport.kind.fifo': '名前付きパイプ',
    'firmwareImport.kind.socket': 'ソケット',
    'firmwareImport.kind.other': '特殊ファイル',
    'firmwareImport.notRegular': '{path} は{kind}で、ファイルでもフォルダーでもありません。',
    'firmwareImport.notRegular.fix': 'Cisco からダウンロードしたファームウェアのアーカイブ、またはそれを展開したフォルダーを選んでください。',
    'firmwareImport.notFirmware': '{name} はアーカイブ (zip、tar、tar.gz) でも 7940/7960 のファームウェアイメージでもありません。',
    'firmwareImport.notFirmware.fix':
      'Cisco からダウンロードしたアーカイブ (SCCP の場合は CallManager のインストーラー .exe ではなく cmterm-...zip)、またはそれを展開したフォルダーを選んでください。',
    'firmwareImport.sourceTooLarge': '{name} は {size} MiB で、取り込みの上限 {limit} MiB を超えています。',
    'firmwareImport.unpacksTooLarge': '{name} を展開すると取り込みの上限 {limit} MiB を超えます。',
    'firmwareImport.tooManyEntries': '{name} には取り込みの上限 {limit} 個を超えるエントリーがあります。',
    'firmwareImport.tooDeep': '{where} はフォルダーの階層が取り込みの上限 {limit} 段を超えています。',
    'firmwareImport.tooSlow': '{name} の取り込みが上限の {limit} 秒を超えたため中止しました。ライブラリには何も追加されていません。',
    'firmwareImport.raiseLimit.fix':
      'ファームウェアのバンドルはずっと小さいものです。正しいアーカイブか確認してください。正しい場合は、Phonebench のデータフォルダーにある settings.json の "firmwareImport.{setting}" (現在 {limit}) を大きくしてから、もう一度取り込んでください。',
    'firmwareImport.cancelled': '{name} の取り込みを中止しました。ライブラリには何も追加されていません。',
  },
};
