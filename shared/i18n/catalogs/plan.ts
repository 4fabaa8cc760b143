import type { DomainCatalog } from '../catalog-types';

/**
 * What the migration planner says: refusals and their fixes, the load choices it asks for, hop warnings,
 * checklists and what the phone's screen shows. LCD texts stay in English: the phone shows them so.
 */
const en = {
  'planner.refuse.badMac':
    '"{mac}" is not a MAC address: use the 12 hex digits under the phone or in Settings > Network Configuration > MAC Address.',
  'planner.refuse.mgcp': 'MGCP firmware (P0M3...) is recognised but Phonebench plans only SCCP and SIP migrations.',
  'planner.refuse.signedNoDowngrade':
    '{from} is a signed image (5.0 or later); a phone on a signed image never goes back below 5.0, so {to} cannot be loaded.',
  'planner.refuse.cmeNeedsSccp5':
    'With CME the phone must run SCCP 5.x before converting, and from a signed 5.x image it cannot load {to} (older than 5.0). Pick SIP 5.0 or later, or plan on the bench.',
  'planner.refuse.unknownTarget':
    'Phonebench knows no exact load for {version} and the firmware library holds no complete package of it. Known targets: {known}.',
  'planner.refuse.unknownStart': '{version} is not a release Phonebench knows. Known releases: {known}.',
  'planner.refuse.unknownStartUnsigned':
    "The phone's firmware is unknown and {to} is older than 5.0, which a phone on a signed image refuses. Read Settings > Status > Firmware Versions on the phone and plan from it.",
  'planner.refuse.viaUnfit':
    '{load} is not a load this plan can stop on: choose an SCCP 4.x load (P00304...) for "the latest SCCP 4.x", or an SCCP 6.x load (P00306...) for the R2 first hop, with its exact 12-digit name. Loads that fit: {fits}.',
  'planner.refuse.viaTwice': '{load}: a load for that stop was already chosen; choose one load per stop.',
  'planner.choice.latestSccp4':
    'From SIP 3.x or earlier the phone first goes to the latest SCCP 4.x load (source document). No source names that load exactly: choose the SCCP 4.x load from the library.',
  'planner.choice.r2First':
    'R2 goes first to "the 6.3 image"; the source document names no exact load and no SCCP 6.3 load is known. Choose an SCCP 6.x load from the library for the first hop.',
  'planner.fix.signedNoDowngrade': 'Pick a target of 5.0 or later.',
  'planner.fix.mgcp': 'Plan SCCP or SIP firmware.',
  'planner.fix.unknownStart': 'Read Settings > Status > Firmware Versions on the phone and plan from it.',
  'planner.fix.badMac': 'Use the 12 hex digits on the sticker under the phone.',
  'planner.fix.cmeNeedsSccp5': 'Pick SIP 5.0 or later, or plan with context bench.',
  'planner.fix.unknownVersion': 'Pick one of the known releases listed.',
  'planner.fix.chooseLoad': 'Choose one of the loads listed (or import the Cisco package that holds one), then plan again.',
  'planner.fix.viaUnfit': 'Give with --via (or choose in the plan step) a load from the library that fits the stop.',
  'planner.fix.otherRefusal': 'Check the firmware the phone runs now and the target you chose, then plan again.',
  'planner.error.badFirmware': '"{text}" is not a firmware release or image name.',
  'planner.fix.badFirmware': 'Write a label such as "SCCP 8.1(2)SR2" or "SIP 8.12", or an image id such as P0S3-07-4-00.',
  'planner.inferred.cucmSameProtocol':
    'same protocol under CUCM: the load is named in CUCM (Device Defaults or the phone page), not on this bench',
  'planner.inferred.sccp4Start':
    'SCCP 4.x as a start is not covered; it boots through OS79XX.TXT like SCCP 3.x and 5.x, so F1/F2 apply',
  'planner.inferred.sipUnsignedDowngrade':
    'no source covers downgrades between unsigned SIP releases; OS79XX.TXT and image_version name the older image',
  'planner.inferred.sccpChain':
    'no source gives the SCCP upgrade chain; following "the 4.x chain, then the 5.x chain", the phone takes a 5.x signed load before later ones',
  'planner.inferred.sccpDowngrade': 'no source covers SCCP downgrades; the load id in SEP<MAC>.cnf.xml names the older load',
  'planner.inferred.unknownStart':
    'the start firmware is unknown; OS79XX.TXT, SEP<MAC>.cnf.xml and both SIP configs all name the target so either boot mechanism finds it',
  'planner.warn.stateErrorFallback':
    'If the TFTP log shows "Failed ( State Error )" on the SIP image, plan again going through SIP 2.3 first (the source document\'s fix).',
  'planner.warn.alias83':
    '{from} ignores image names longer than 8.3: {file} is served as {alias} and OS79XX.TXT names {aliasId}. Upgrading SIP first is the other way.',
  'planner.warn.r2ExtractZip':
    'Extract the whole target zip into the TFTP root; the phone compares the names in OS79XX.TXT and SEP<MAC>.cnf.xml with its flash and downloads.',
  'planner.warn.r3Style7905':
    "R3 as written is the source document's procedure in the style of the 7905/7912 (.sbin image, gkdefault.cfg): no 7940/7960 package holds these files. If the phone never asks for gkdefault.cfg, plan the field procedure (R3-field).",
  'planner.warn.sip2xBufferFull':
    'SIP 2.x shows "W210 TFTP Error : buffer full" when SIPDefault.cnf is large: this hop serves OS79XX.TXT with the image name only and SIPDefault.cnf with image_version only. The full config comes back after this hop.',
  'planner.warn.restoresFullConfig': 'This hop restores the full SIP config trimmed by the SIP 2.x hop before it.',
  'planner.warn.inferred': 'No source covers this step exactly: {reason}.',
  'planner.warn.cmNoTftp': 'CUCM serves the files: no TFTP work on this computer.',
  'planner.warn.r3NoUpgradeCode':
    'R3 as written needs the upgradecode build and file for {to}, which Phonebench does not know: the field procedure is planned instead. Give them (from the SCCP load) to plan R3 as written.',
  'planner.warn.viaUnused': 'The chosen load {load} is not needed by this plan and is not used.',
  'planner.warn.alreadyThere': 'The phone already runs {to}: nothing to do.',
  'planner.warn.alternateTftp':
    'Serve only this phone: on the phone set Settings > Network Configuration > Alternate TFTP = Yes and TFTP Server 1 = this computer. The site DHCP TFTP server would migrate every phone. A factory reset clears Alternate TFTP.',
  'planner.warn.cmeRouterTftp': 'With CME, the router can serve the files instead (tftp-server); this plan serves them from this computer.',
  'planner.warn.filesAsExtracted':
    'Use the image files exactly as extracted from the Cisco archive: copied or renamed files fail with "Image Authentication Failed".',
  'planner.warn.fileMissing': '{file} is not in the firmware library: import the Cisco package that holds it.',
  'planner.warn.hopMissingFiles': 'Hop {hop} needs files the library lacks: {files}.',
  'planner.warn.lastHopTrimmed': 'The last hop served trimmed SIP configs: once it is done, put the full configs (finalConfigs) in the TFTP root.',
  'planner.warn.unknownStartOrder':
    'The start firmware is unknown: the request order cannot be predicted. Read Settings > Status > Firmware Versions to get an exact plan.',
  'planner.warn.runOnPc': 'Run on a PC first: {command}',
  'planner.check.reset': 'Reset the phone (power off and on) once the files are in the TFTP root.',
  'planner.check.r3Extract':
    'Extract the latest SIP load and the SCCP load into the TFTP root; in {gkdefault}, the upgradecode line must read: {line}',
  'planner.check.r3Cfgfmt': 'Run {command} in the TFTP root (cfgfmt and sip_ptag.dat come with the SIP load); it writes {cfg}.',
  'planner.check.r4CopySep':
    'Copying these files to another TFTP server? Copy {sep} (it names {load}) with them: a SIP {sep} left there makes the loader reinstall SIP.',
  'planner.check.cm.sipNeedsCucm5': 'SIP on the 7940/7960 needs CUCM 5.0 or later.',
  'planner.check.cm.modelSupportsSip': 'Check that this CUCM supports SIP on this phone model (source document, line 105).',
  'planner.check.cm.nameLoad':
    'In CUCM, name the load {id} for this phone (Device > Phone, Phone Load Name) or for the model (Device Defaults).',
  'planner.check.cm.loadFilesReset': 'Make sure the load files are in the CUCM TFTP server, then reset the phone from CUCM.',
  'planner.check.cm.bulkMigrate': 'CUCM Administration: Bulk Administration > Phones > Migrate Phones > SCCP to SIP.',
  'planner.check.cm.findPhones': 'Find the phones to migrate, pick the SIP phone template, describe the job.',
  'planner.check.cm.runSubmit': 'Run Immediately (or Run Later), Submit.',
  'planner.check.cm.jobScheduler':
    'Bulk Administration > Job Scheduler: the job must run; if it stays pending, activate Bulk Provisioning Service (Serviceability > Tools > Service Activation).',
  'planner.check.cm.resetPhones': 'Reset the migrated phones: Bulk Administration > Phones > Reset/Restart Phones.',
  'planner.check.cm.autoRegSip':
    'System > Enterprise Parameters: Auto Registration Phone Protocol = SIP, then restart the CallManager service.',
  'planner.check.cm.deleteSip': 'Delete the SIP phone in CUCM.',
  'planner.check.cm.autoRegSccp':
    'System > Enterprise Parameters: Auto Registration Phone Protocol = SCCP, restart the CallManager service.',
  'planner.check.cm.reregister': 'Reset the phone so it registers again as SCCP.',
  'planner.shows.requestingConfiguration': 'Requesting Configuration',
  'planner.shows.upgradingSoftware': 'Upgrading Software',
  'planner.shows.rebootsForApplication': '(reboots, then "Upgrading Software" again for the application)',
  'planner.shows.firmwareVersions': 'Settings > Status > Firmware Versions: {id} ({label})',
  'planner.hop.title': '{from} to {to} ({path})',
  'planner.cm.notOverTftp': 'This phone is moved in CallManager (Bulk Administration), not over TFTP: follow the checklist in the plan.',
} as const;

export const planCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'planner.refuse.badMac':
      '"{mac}" は MAC アドレスではありません。電話機の底面のシール、または Settings > Network Configuration > MAC Address に表示される 16 進 12 桁を入力してください。',
    'planner.refuse.mgcp': 'MGCP ファームウェア (P0M3...) は識別できますが、Phonebench が計画するのは SCCP と SIP の移行だけです。',
    'planner.refuse.signedNoDowngrade':
      '{from} は署名付きイメージ (5.0 以降) です。署名付きイメージの電話機は 5.0 未満に戻れないため、{to} はロードできません。',
    'planner.refuse.cmeNeedsSccp5':
      'CME では変換の前に電話機を SCCP 5.x にする必要があり、署名付きの 5.x からは {to} (5.0 より古い) をロードできません。SIP 5.0 以降を選ぶか、ベンチで計画してください。',
    'planner.refuse.unknownTarget':
      '{version} の正確なロード名を Phonebench は知らず、ファームウェア ライブラリにもその完全なパッケージがありません。既知の移行先: {known}。',
    'planner.refuse.unknownStart': '{version} は Phonebench の知らないリリースです。既知のリリース: {known}。',
    'planner.refuse.unknownStartUnsigned':
      '電話機のファームウェアが不明で、{to} は 5.0 より古いため、署名付きイメージの電話機は受け付けません。電話機の Settings > Status > Firmware Versions を確認し、そのバージョンから計画してください。',
    'planner.refuse.viaUnfit':
      '{load} はこの計画の経由ロードになりません。「SCCP 4.x の最新版」には SCCP 4.x のロード (P00304...)、R2 の最初の段階には SCCP 6.x のロード (P00306...) を、正確な 12 桁の名前で選んでください。合うロード: {fits}。',
    'planner.refuse.viaTwice': '{load}: この経由点のロードはすでに選ばれています。経由点ごとにロードは 1 つです。',
    'planner.choice.latestSccp4':
      'SIP 3.x 以前からは、まず SCCP 4.x の最新ロードに移行します (元文書)。そのロード名を正確に示す資料はないため、ライブラリから SCCP 4.x のロードを選んでください。',
    'planner.choice.r2First':
      'R2 ではまず「6.3 イメージ」に移行しますが、元文書は正確なロード名を示しておらず、SCCP 6.3 のロードも知られていません。最初の段階に使う SCCP 6.x のロードをライブラリから選んでください。',
    'planner.fix.signedNoDowngrade': '5.0 以降の移行先を選んでください。',
    'planner.fix.mgcp': 'SCCP か SIP のファームウェアで計画してください。',
    'planner.fix.unknownStart': '電話機の Settings > Status > Firmware Versions を確認し、そのバージョンから計画してください。',
    'planner.fix.badMac': '電話機の底面のシールにある 16 進 12 桁を入力してください。',
    'planner.fix.cmeNeedsSccp5': 'SIP 5.0 以降を選ぶか、コンテキスト bench で計画してください。',
    'planner.fix.unknownVersion': '一覧にある既知のリリースから選んでください。',
    'planner.fix.chooseLoad': '一覧のロードから 1 つ選んで (なければそのロードを含む Cisco パッケージを取り込んで)、もう一度計画してください。',
    'planner.fix.viaUnfit': '経由点に合うライブラリのロードを --via で指定するか、計画のステップで選んでください。',
    'planner.fix.otherRefusal': '電話機で動いているファームウェアと選んだ移行先を確かめて、もう一度計画してください。',
    'planner.error.badFirmware': '"{text}" はファームウェアのリリースでもイメージ名でもありません。',
    'planner.fix.badFirmware': '"SCCP 8.1(2)SR2" や "SIP 8.12" のようなラベル、または P0S3-07-4-00 のようなイメージ ID を入力してください。',
    'planner.inferred.cucmSameProtocol':
      'CUCM 配下で同じプロトコル: ロードはこのベンチではなく CUCM (Device Defaults または電話機のページ) で指定します',
    'planner.inferred.sccp4Start':
      'SCCP 4.x からの移行を扱う資料はありません。SCCP 3.x や 5.x と同じく OS79XX.TXT で起動するため、F1/F2 を適用します',
    'planner.inferred.sipUnsignedDowngrade':
      '署名なし SIP リリース間のダウングレードを扱う資料はありません。OS79XX.TXT と image_version に古いイメージ名を指定します',
    'planner.inferred.sccpChain':
      'SCCP のアップグレード順を示す資料はありません。「4.x チェーンの後に 5.x チェーン」に従い、後のリリースの前に署名付き 5.x ロードを経由します',
    'planner.inferred.sccpDowngrade': 'SCCP のダウングレードを扱う資料はありません。SEP<MAC>.cnf.xml のロード ID に古いロードを指定します',
    'planner.inferred.unknownStart':
      '開始ファームウェアが不明です。OS79XX.TXT、SEP<MAC>.cnf.xml、両方の SIP 設定ファイルがすべて移行先を指定するので、どちらの起動方式でも見つかります',
    'planner.warn.stateErrorFallback':
      'TFTP ログで SIP イメージに "Failed ( State Error )" と出た場合は、まず SIP 2.3 を経由するよう計画し直してください (元文書の対処法)。',
    'planner.warn.alias83':
      '{from} は 8.3 形式より長いイメージ名を無視します。{file} を {alias} としても配信し、OS79XX.TXT には {aliasId} を書きます。先に SIP をアップグレードする方法もあります。',
    'planner.warn.r2ExtractZip':
      '移行先の zip 全体を TFTP ルートに展開してください。電話機は OS79XX.TXT と SEP<MAC>.cnf.xml の名前をフラッシュと比較してダウンロードします。',
    'planner.warn.r3Style7905':
      '元文書どおりの R3 は 7905/7912 形式の手順です (.sbin イメージ、gkdefault.cfg)。これらのファイルは 7940/7960 のどのパッケージにも含まれません。電話機が gkdefault.cfg を要求しない場合は、現場の手順 (R3-field) で計画してください。',
    'planner.warn.sip2xBufferFull':
      'SIP 2.x は SIPDefault.cnf が大きいと "W210 TFTP Error : buffer full" を表示します。この段階ではイメージ名だけの OS79XX.TXT と image_version だけの SIPDefault.cnf を配信し、完全な設定はこの段階の後に戻します。',
    'planner.warn.restoresFullConfig': 'この段階で、前の SIP 2.x の段階で削った SIP 設定を完全なものに戻します。',
    'planner.warn.inferred': 'この段階を直接扱う資料はありません: {reason}。',
    'planner.warn.cmNoTftp': 'ファイルは CUCM が配信します。このコンピューターでの TFTP 作業はありません。',
    'planner.warn.r3NoUpgradeCode':
      '元文書どおりの R3 には {to} の upgradecode のビルドとファイル名が必要ですが、Phonebench は知らないため現場の手順で計画しました。元文書どおりに計画するには、SCCP ロードからそれらを指定してください。',
    'planner.warn.viaUnused': '選んだロード {load} はこの計画では不要なので使いません。',
    'planner.warn.alreadyThere': '電話機はすでに {to} で動いています。作業はありません。',
    'planner.warn.alternateTftp':
      'この電話機だけに配信してください: 電話機で Settings > Network Configuration > Alternate TFTP = Yes、TFTP Server 1 = このコンピューター に設定します。拠点の DHCP の TFTP サーバーを使うと、すべての電話機が移行されます。工場出荷時リセットで Alternate TFTP は消えます。',
    'planner.warn.cmeRouterTftp': 'CME ではルーター (tftp-server) からファイルを配信することもできます。この計画ではこのコンピューターから配信します。',
    'planner.warn.filesAsExtracted':
      'イメージ ファイルは Cisco のアーカイブから展開したものをそのまま使ってください。手でコピーしたり名前を変えたりすると "Image Authentication Failed" になります。',
    'planner.warn.fileMissing': '{file} がファームウェア ライブラリにありません。このファイルを含む Cisco パッケージを取り込んでください。',
    'planner.warn.hopMissingFiles': '段階 {hop} に必要なファイルがライブラリにありません: {files}。',
    'planner.warn.lastHopTrimmed': '最後の段階では削った SIP 設定を配信しました。完了したら完全な設定 (finalConfigs) を TFTP ルートに置いてください。',
    'planner.warn.unknownStartOrder':
      '開始ファームウェアが不明なため、要求の順序は予測できません。正確な計画には Settings > Status > Firmware Versions を確認してください。',
    'planner.warn.runOnPc': '先に PC で実行: {command}',
    'planner.check.reset': 'ファイルを TFTP ルートに置いたら、電話機をリセット (電源を入れ直す) してください。',
    'planner.check.r3Extract':
      '最新の SIP ロードと SCCP ロードを TFTP ルートに展開します。{gkdefault} の upgradecode 行は次のとおりにします: {line}',
    'planner.check.r3Cfgfmt': 'TFTP ルートで {command} を実行します (cfgfmt と sip_ptag.dat は SIP ロードに含まれます)。{cfg} が作られます。',
    'planner.check.r4CopySep':
      'これらのファイルを別の TFTP サーバーにコピーする場合は、{sep} ({load} を指定) も一緒にコピーしてください。SIP の {sep} が残っていると、ローダーが SIP を再インストールします。',
    'planner.check.cm.sipNeedsCucm5': '7940/7960 で SIP を使うには CUCM 5.0 以降が必要です。',
    'planner.check.cm.modelSupportsSip': 'この CUCM がこの電話機モデルの SIP をサポートしていることを確認してください (元文書 105 行目)。',
    'planner.check.cm.nameLoad':
      'CUCM で、この電話機 (Device > Phone の Phone Load Name) またはモデル (Device Defaults) のロードに {id} を指定します。',
    'planner.check.cm.loadFilesReset': 'ロード ファイルが CUCM の TFTP サーバーにあることを確認し、CUCM から電話機をリセットします。',
    'planner.check.cm.bulkMigrate': 'CUCM の管理画面: Bulk Administration > Phones > Migrate Phones > SCCP to SIP。',
    'planner.check.cm.findPhones': '移行する電話機を検索し、SIP 電話機のテンプレートを選び、ジョブの説明を入力します。',
    'planner.check.cm.runSubmit': 'Run Immediately (または Run Later) を選び、Submit します。',
    'planner.check.cm.jobScheduler':
      'Bulk Administration > Job Scheduler でジョブが実行されることを確認します。保留のままなら Bulk Provisioning Service を有効にします (Serviceability > Tools > Service Activation)。',
    'planner.check.cm.resetPhones': '移行した電話機をリセットします: Bulk Administration > Phones > Reset/Restart Phones。',
    'planner.check.cm.autoRegSip':
      'System > Enterprise Parameters: Auto Registration Phone Protocol を SIP にし、CallManager サービスを再起動します。',
    'planner.check.cm.deleteSip': 'CUCM で SIP 電話機を削除します。',
    'planner.check.cm.autoRegSccp':
      'System > Enterprise Parameters: Auto Registration Phone Protocol を SCCP にし、CallManager サービスを再起動します。',
    'planner.check.cm.reregister': '電話機をリセットし、SCCP として再登録させます。',
    'planner.shows.requestingConfiguration': '「Requesting Configuration」と表示',
    'planner.shows.upgradingSoftware': '「Upgrading Software」と表示',
    'planner.shows.rebootsForApplication': '(再起動し、アプリケーションのため再び「Upgrading Software」と表示)',
    'planner.shows.firmwareVersions': 'Settings > Status > Firmware Versions: {id} ({label})',
    'planner.hop.title': '{from} から {to} へ ({path})',
    'planner.cm.notOverTftp': 'この電話機は TFTP ではなく CallManager (Bulk Administration) で移行します。計画のチェックリストに従ってください。',
  },
};
