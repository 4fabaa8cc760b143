import type { DomainCatalog } from '../catalog-types';

/** Linter findings for files as they come from the field (issue 17): BOMs, key case, quoted spaces, XMLDefault. */
const en = {
  'lint.bom': '{file} starts with a UTF-8 byte order mark (bytes EF BB BF); the phone reads them as part of the first line.',
  'lint.name.faults': 'The file name has the wrong case: {faults}',
  'lint.sipCnf.keyCase': 'The parameter {key} is not written in lower case; the phone reads {want}.',
  'lint.sipCnf.keyCase.fix': 'Write the name as {want}.',
  'lint.sipCnf.quotedSpaces':
    'The quoted value of {key} starts or ends with spaces; inside quotes they are part of the value (for image_version the phone asks for a name that does not exist).',
  'lint.sipCnf.quotedSpaces.fix': 'Remove the spaces inside the quotes of {key}.',
  'lint.sep.noLoad': 'This file names no load (no loadInformation): the phone keeps the image it runs.',
  'lint.sep.noLoad.fix': 'Add <loadInformation>LOAD ID</loadInformation> naming the image the phone must run, if it must change.',
  'lint.xml.twoLoads': 'loadInformation{typeId} appears twice with different loads ({first}, {second}); which one the phone takes is not known.',
  'lint.xml.twoLoads.fix': 'Keep one loadInformation{typeId}, naming the load you want.',
  'lint.xml.loaderFieldPractice':
    '{what} names the loader {id}: field practice for a phone coming from SCCP (it takes the loader, then finds the application in the SIP configs). Not in the Cisco documents.',
  'lint.xml.loaderFieldPractice.fix':
    'Keep it for an SCCP 5.x or older phone moving to SIP 7.x/8.x, with image_version {app} in the SIP configs; otherwise name the application {app}.',
} as const;

export const lintFieldCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'lint.bom': '{file} の先頭に UTF-8 のバイト順マーク (EF BB BF) があります。電話機はこれを最初の行の一部として読みます。',
    'lint.name.faults': 'ファイル名の大文字小文字が誤っています: {faults}',
    'lint.sipCnf.keyCase': 'パラメーター {key} が小文字で書かれていません。電話機が読むのは {want} です。',
    'lint.sipCnf.keyCase.fix': '名前を {want} と書いてください。',
    'lint.sipCnf.quotedSpaces':
      '{key} の引用符で囲んだ値の前後に空白があります。引用符の中の空白は値の一部です (image_version では存在しない名前を要求します)。',
    'lint.sipCnf.quotedSpaces.fix': '{key} の引用符の中の空白を削除してください。',
    'lint.sep.noLoad': 'このファイルはロードを指定していません (loadInformation がありません)。電話機は今のイメージのまま動きます。',
    'lint.sep.noLoad.fix': 'イメージを変える必要があれば、<loadInformation>ロード ID</loadInformation> を追加してください。',
    'lint.xml.twoLoads': 'loadInformation{typeId} が異なるロード ({first}、{second}) で 2 回あります。電話機がどちらを使うかは不明です。',
    'lint.xml.twoLoads.fix': 'loadInformation{typeId} は使いたいロードの 1 つだけにしてください。',
    'lint.xml.loaderFieldPractice':
      '{what} がローダー {id} を指定しています。SCCP から移行する電話機の現場の手順です (ローダーを取得し、SIP 設定ファイルでアプリケーションを見つけます)。Cisco の文書にはありません。',
    'lint.xml.loaderFieldPractice.fix':
      'SCCP 5.x 以前から SIP 7.x/8.x に移行する電話機なら、SIP 設定ファイルの image_version を {app} にしてそのまま使えます。それ以外はアプリケーション {app} を指定してください。',
  },
};
