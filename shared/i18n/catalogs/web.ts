import type { DomainCatalog } from '../catalog-types';

/** What the browser host (phonebench serve) and the renderer's own transport say. */
const en = {
  'web.uploadName': 'The upload needs a plain file name.',
  'web.uploadName.fix': 'Pick the file again.',
  'web.uploadTooLarge': 'The upload is larger than 4 GiB.',
  'web.portInUse': 'Port {port} on 127.0.0.1 is already in use.',
  'web.portInUse.fix': 'Pick another with --port, or leave it out to use a free one.',
  'web.connectionLost': 'The connection to Phonebench was lost.',
  'web.restarted': 'Phonebench was restarted: open the new URL it printed.',
  'web.noLocalPath': 'The path of {file} is not available here.',
  'web.noLocalPath.fix': 'Type the path of the archive in the field below instead.',
  'web.uploadFailed': 'Upload of {file} failed: {detail}.',
  'web.uploadFailed.fix': 'Check that phonebench serve is still running.',
  'web.uploadHttp': 'Upload of {file} failed (HTTP {status}).',
} as const;

export const webCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'web.uploadName': 'アップロードには普通のファイル名が必要です。',
    'web.uploadName.fix': 'ファイルを選び直してください。',
    'web.uploadTooLarge': 'アップロードが 4 GiB を超えています。',
    'web.portInUse': '127.0.0.1 のポート {port} はすでに使われています。',
    'web.portInUse.fix': '--port で別のポートを指定するか、指定せずに空いているポートを使ってください。',
    'web.connectionLost': 'Phonebench との接続が切れました。',
    'web.restarted': 'Phonebench が再起動されました。表示された新しい URL を開いてください。',
    'web.noLocalPath': '{file} のパスはここでは取得できません。',
    'web.noLocalPath.fix': '代わりに下の欄にアーカイブのパスを入力してください。',
    'web.uploadFailed': '{file} のアップロードに失敗しました: {detail}。',
    'web.uploadFailed.fix': 'phonebench serve がまだ動いているか確認してください。',
    'web.uploadHttp': '{file} のアップロードに失敗しました (HTTP {status})。',
  },
};
