import type { DomainCatalog } from '../catalog-types';

/** What the migration says about names a site's TFTP server would not find (issue 17). */
const en = {
  'migrate.t.caseInsensitiveMatch':
    'The phone asked for {requested}; Phonebench served {served}, matching the name ignoring case. A site TFTP server would answer "File not found": rename the file to {requested} (or fix the config that names it) before the phone uses another server.',
} as const;

export const migrateFieldCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'migrate.t.caseInsensitiveMatch':
      '電話機は {requested} を要求し、Phonebench は大文字小文字を区別せずに {served} を配信しました。拠点の TFTP サーバーなら「File not found」を返します。電話機が別のサーバーを使う前に、ファイル名を {requested} に変える (またはその名前を指定する設定を直す) ようにしてください。',
  },
};
