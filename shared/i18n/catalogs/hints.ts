import type { DomainCatalog } from '../catalog-types';

/** The console hints (shared/cisco/hints.ts): known failures of a 7940/7960 migration, domain reference section 6. */
const en = {
  'hint.sip2BufferFull.title': 'TFTP buffer full (SIP 2.x)',
  'hint.sip2BufferFull.cause': 'A SIP 2.x phone cannot download a large SIPDefault.cnf.',
  'hint.sip2BufferFull.fix':
    'For this hop serve an OS79XX.TXT with only the image name and a SIPDefault.cnf with only image_version; put the full config back afterwards.',
  'hint.protocolApplicationInvalid.title': 'Protocol Application Invalid',
  'hint.protocolApplicationInvalid.cause':
    'No application image could be loaded into flash: the zip was not extracted into the TFTP root, files were copied by hand, the loader failed (authentication, missing file, TFTP error), OS79XX.TXT has an extension or the wrong form, or image_version is missing or wrong. Firmware 7.2(2) and earlier on the native VLAN without DHCP option 150 does this too.',
  'hint.protocolApplicationInvalid.fix':
    'Extract the whole zip into the TFTP root, correct OS79XX.TXT, and set image_version in both SIPDefault.cnf and SIP<MAC>.cnf. A loader install can clear the network settings: re-enter TFTP Server 1 (Alternate TFTP = Yes) on the phone, or serve DHCP option 66/150 naming this server.',
  'hint.imageAuthenticationFailed.title': 'Image Authentication Failed',
  'hint.imageAuthenticationFailed.cause': 'The signature check of the new image failed.',
  'hint.imageAuthenticationFailed.fix': 'Use the files exactly as extracted from the vendor zip; do not rename or copy them by hand.',
  'hint.noLoadSpecified.title': 'No Load Specified',
  'hint.noLoadSpecified.cause': 'Flash holds no image and no config file names one.',
  'hint.noLoadSpecified.fix': 'Name the image in the config file the phone reads, then reboot the phone.',
  'hint.stateError.title': 'TFTP State Error',
  'hint.stateError.cause': 'An old SCCP phone (below 5.0) cannot go straight to SIP 3.x/4.x.',
  'hint.stateError.fix':
    'Only for a phone on SCCP below 5.0: move to SIP 2.3 first, then to SIP 3.x/4.x. A phone on 5.0 or later runs a signed image and never goes back below 5.0: do not load SIP 2.3 on it.',
  'hint.stateError.oldSccp.fix': 'Move to SIP 2.3 first, then to SIP 3.x/4.x.',
  'hint.stateError.signed.cause':
    'The server refused the transfer. The documented cause, old SCCP going to SIP 3.x/4.x, does not apply: this phone runs {running}, a signed image.',
  'hint.stateError.signed.fix':
    'SIP 2.3 is no route for this phone: on a signed image it never goes back below 5.0. Check that the image named is a signed release of 5.0 or later and sits in the TFTP root exactly as extracted, then reset the phone.',
  'hint.tftpTimeout.title': 'TFTP Timeout',
  'hint.tftpTimeout.cause':
    'The phone cannot reach the TFTP server: server stopped, a firewall blocks UDP 69, or the phone uses the wrong TFTP address.',
  'hint.tftpTimeout.fix':
    'Check the TFTP server is running, allow UDP 69 in the firewall, and set Alternate TFTP = Yes with TFTP Server 1 = this laptop on the phone.',
  'hint.tftpError.title': 'TFTP Error',
  'hint.tftpError.cause': 'A TFTP transfer failed: server unreachable, firewall, wrong TFTP address, or the file is missing from the root.',
  'hint.tftpError.fix': 'Check the server, the firewall and the Alternate TFTP setting; look at the TFTP log for the file the phone asked for.',
  'hint.fileNotFound.title': 'File not found',
  'hint.fileNotFound.cause':
    'The phone asked for a file the TFTP root does not hold. Loader-era phones ask for CTLSEP<MAC>.tlv first; that one may be missing.',
  'hint.fileNotFound.fix': 'Compare the requested name with the root (case and the ./ prefix matter); extract the whole firmware zip.',
  'hint.errorVerifyingConfig.title': 'Error verifying configuration',
  'hint.errorVerifyingConfig.cause':
    'The phone could not read or check the config file it asked for. On a loader boot a "File not found" for CTLSEP<MAC>.tlv alone is normal and harmless (field reports).',
  'hint.errorVerifyingConfig.fix':
    'Read the TFTP log: if the phone goes on to SEP<MAC>.cnf.xml or the SIP configs, nothing is wrong; if it stops, check (lint) the last config file it asked for and make sure the server answers "File not found" at once for missing files.',
  'hint.unprovisioned.title': 'Phone stays unprovisioned',
  'hint.unprovisioned.cause':
    'OS79XX.TXT has the wrong form: SIP 2.3 and earlier want P0S3xxyy, SIP 3.0 to 6.x P0S3-xx-y-zz, SIP 7.x and 8.x the loader the package ships as .bin/.sbn (P003-8-12-00 for 8.12, as the package\'s own OS79XX.TXT), SCCP P003aabbccdd. (UNPROVISIONED as a value in a config file is only a placeholder.)',
  'hint.unprovisioned.fix': 'Write the image name in the form the target expects, without extension or trailing space.',
  'hint.sccpLoadNameTooLong.title': 'SIP phone ignores the SCCP load',
  'hint.sccpLoadNameTooLong.cause': 'SIP 2.1 and earlier do not accept an SCCP file name longer than 8.3.',
  'hint.sccpLoadNameTooLong.fix': 'Upgrade SIP first, or serve the SCCP load under an 8.3 name.',
  'hint.oldApplicationBoots.title': 'Phone boots its old application',
  'hint.oldApplicationBoots.cause': 'The loader was updated but the application image was rejected or never fetched.',
  'hint.oldApplicationBoots.fix':
    'Check that the .loads and .sb2 files are in the TFTP root exactly as extracted, and that image_version names them.',
} as const;

export const hintsCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'hint.sip2BufferFull.title': 'TFTP バッファ不足 (SIP 2.x)',
    'hint.sip2BufferFull.cause': 'SIP 2.x の電話機は大きな SIPDefault.cnf をダウンロードできません。',
    'hint.sip2BufferFull.fix':
      'この段階では、イメージ名だけの OS79XX.TXT と image_version だけの SIPDefault.cnf を置き、完了後に元の設定に戻してください。',
    'hint.protocolApplicationInvalid.title': 'Protocol Application Invalid',
    'hint.protocolApplicationInvalid.cause':
      'アプリケーションイメージをフラッシュに読み込めませんでした。zip が TFTP ルートに展開されていない、ファイルを手でコピーした、ローダーが失敗した (認証、ファイル不足、TFTP エラー)、OS79XX.TXT に拡張子が付いているか形式が違う、image_version が無いか誤っている、のいずれかです。7.2(2) 以前のファームウェアがオプション 150 なしでネイティブ VLAN から DHCP を受けた場合にも起こります。',
    'hint.protocolApplicationInvalid.fix':
      'zip 全体を TFTP ルートに展開し、OS79XX.TXT を修正し、SIPDefault.cnf と SIP<MAC>.cnf の両方に image_version を設定してください。ローダーのインストールでネットワーク設定が消えることがあります。電話機で TFTP Server 1 を入れ直す (Alternate TFTP = Yes) か、このサーバーを指す DHCP オプション 66/150 を配ってください。',
    'hint.imageAuthenticationFailed.title': 'Image Authentication Failed',
    'hint.imageAuthenticationFailed.cause': '新しいイメージの署名検証に失敗しました。',
    'hint.imageAuthenticationFailed.fix':
      'ベンダーの zip から展開したファイルをそのまま使ってください。名前の変更や手作業のコピーはしないでください。',
    'hint.noLoadSpecified.title': 'No Load Specified',
    'hint.noLoadSpecified.cause': 'フラッシュにイメージが無く、どの設定ファイルもイメージを指定していません。',
    'hint.noLoadSpecified.fix': '電話機が読む設定ファイルにイメージ名を書き、電話機を再起動してください。',
    'hint.stateError.title': 'TFTP State Error',
    'hint.stateError.cause': '古い SCCP (5.0 未満) の電話機は SIP 3.x/4.x へ直接移行できません。',
    'hint.stateError.fix':
      'SCCP 5.0 未満の電話機に限り、まず SIP 2.3 に移行し、その後 SIP 3.x/4.x に移行してください。5.0 以降の電話機は署名付きイメージで動いており、5.0 未満には戻れません。SIP 2.3 を入れないでください。',
    'hint.stateError.oldSccp.fix': 'まず SIP 2.3 に移行し、その後 SIP 3.x/4.x に移行してください。',
    'hint.stateError.signed.cause':
      'サーバーが転送を拒否しました。文書にある原因 (古い SCCP から SIP 3.x/4.x への移行) には当たりません。この電話機は署名付きイメージの {running} で動いています。',
    'hint.stateError.signed.fix':
      'SIP 2.3 を経由しないでください。署名付きイメージの電話機は 5.0 未満に戻れません。指定したイメージが 5.0 以降の署名付きリリースで、展開したままの状態で TFTP ルートにあるか確認し、電話機をリセットしてください。',
    'hint.tftpTimeout.title': 'TFTP タイムアウト',
    'hint.tftpTimeout.cause':
      '電話機が TFTP サーバーに届きません。サーバー停止、ファイアウォールによる UDP 69 の遮断、または TFTP アドレスの誤りです。',
    'hint.tftpTimeout.fix':
      'TFTP サーバーの稼働を確認し、ファイアウォールで UDP 69 を許可し、電話機で Alternate TFTP を Yes、TFTP Server 1 をこの PC のアドレスにしてください。',
    'hint.tftpError.title': 'TFTP エラー',
    'hint.tftpError.cause':
      'TFTP 転送に失敗しました。サーバーに届かない、ファイアウォール、TFTP アドレスの誤り、またはルートにファイルが無いことが原因です。',
    'hint.tftpError.fix':
      'サーバー、ファイアウォール、Alternate TFTP の設定を確認し、電話機が要求したファイルを TFTP ログで確認してください。',
    'hint.fileNotFound.title': 'ファイルが見つかりません',
    'hint.fileNotFound.cause':
      '電話機が要求したファイルが TFTP ルートにありません。ローダー世代の電話機は最初に CTLSEP<MAC>.tlv を要求しますが、これは無くても構いません。',
    'hint.fileNotFound.fix':
      '要求された名前とルートの内容を比べてください (大文字小文字と ./ の接頭辞に注意)。ファームウェアの zip 全体を展開してください。',
    'hint.errorVerifyingConfig.title': 'Error verifying configuration (設定の確認エラー)',
    'hint.errorVerifyingConfig.cause':
      '電話機が要求した設定ファイルを読めないか、確認できませんでした。ローダーの起動で CTLSEP<MAC>.tlv だけが「File not found」になるのは正常で、問題ありません (現場の報告)。',
    'hint.errorVerifyingConfig.fix':
      'TFTP ログを確認してください。電話機が続けて SEP<MAC>.cnf.xml や SIP 設定ファイルを要求していれば問題ありません。止まっている場合は最後に要求した設定ファイルを検査 (lint) し、ないファイルにはサーバーがすぐに「File not found」を返すようにしてください。',
    'hint.unprovisioned.title': '電話機がプロビジョニングされない',
    'hint.unprovisioned.cause':
      'OS79XX.TXT の形式が誤っています。SIP 2.3 以前は P0S3xxyy、SIP 3.0 から 6.x は P0S3-xx-y-zz、SIP 7.x と 8.x はパッケージに .bin/.sbn として入っているローダー (8.12 ならパッケージ付属の OS79XX.TXT と同じ P003-8-12-00)、SCCP は P003aabbccdd です。(設定ファイルの値としての UNPROVISIONED は仮の値にすぎません。)',
    'hint.unprovisioned.fix': '移行先が求める形式でイメージ名を書いてください。拡張子や末尾の空白は付けないでください。',
    'hint.sccpLoadNameTooLong.title': 'SIP 電話機が SCCP ロードを無視する',
    'hint.sccpLoadNameTooLong.cause': 'SIP 2.1 以前は 8.3 形式より長い SCCP ファイル名を受け付けません。',
    'hint.sccpLoadNameTooLong.fix': '先に SIP をアップグレードするか、SCCP ロードを 8.3 形式の名前で置いてください。',
    'hint.oldApplicationBoots.title': '電話機が古いアプリケーションで起動する',
    'hint.oldApplicationBoots.cause': 'ローダーは更新されたが、アプリケーションイメージが拒否されたか取得されませんでした。',
    'hint.oldApplicationBoots.fix':
      '.loads と .sb2 ファイルが展開したままの状態で TFTP ルートにあり、image_version がそれを指しているか確認してください。',
  },
};
