import type { DomainCatalog } from '../catalog-types';

/**
 * What the planner says about field-true paths (issue 17): R2 through SIP 6.3, the "latest SCCP 4.x" advice,
 * R3's alternatives, F2's loader in XMLDefault.cnf.xml, loads chosen with --via, and what the final configs lack.
 */
const en = {
  'planner.inferred.r2ChosenFirst':
    'the source document sends the phone first to "the 6.3 image" (SIP 6.3); {load} was chosen for that stop instead',
  'planner.refuse.cmeNeedsSip7':
    'With CME the phone must run SIP 7.x before converting to SCCP (CME guide), and from a signed 7.x image it cannot load {to} (older than 5.0).',
  'planner.fix.cmeNeedsSip7': 'Pick an SCCP load of 5.0 or later, or plan with context bench.',
  'planner.refuse.viaNotInLibrary':
    '{load} is in neither the firmware library nor the table of real loads, so Phonebench cannot serve it. Loads that fit a stop: {fits}.',
  'planner.fix.viaNotInLibrary': 'Import the Cisco package that holds the load, or give with --via one of the loads listed.',
  'planner.fix.unknownTarget':
    'Import the Cisco package of that release into the firmware library (Phonebench then takes the load names from its files), or pick one of the releases listed.',
  'planner.warn.latestSccp4Advice':
    'The source document advises trying the latest SCCP 4.x load before a 5.x load when coming from SIP 3.x or earlier (once on 5.x the phone cannot go back). The library holds no SCCP 4.x load, so this plan goes straight to the target.',
  'planner.warn.latestSccp4Offer':
    'The source document advises trying the latest SCCP 4.x load first when coming from SIP 3.x or earlier. The library holds {loads}: plan again with --via <load> to stop there first.',
  'planner.warn.r3Alternatives':
    'Other ways for SIP 5.x/6.x to SCCP: the field procedure (OS79XX.TXT and image_version name the SCCP load; Cisco community write-ups; --r3 field, the default), the source document\'s gkdefault procedure (--r3 as-written), or SIP 7.x first and then image_version (Cisco CME guide, "Phone Firmware Conversion from SIP to SCCP"; --r3 sip7).',
  'planner.warn.f2Field':
    'Field practice (not in the source document): XMLDefault.cnf.xml names the loader {loader} for the first boot; the SIP configs name the application {app}, which the loader then fetches.',
  'planner.warn.f2Stall':
    'If the phone stalls: it should ask for XMLDefault.cnf.xml, then {loader}.bin or .sbn, reboot, then ask for {sep} and the SIP configs and {app}.loads. If it never asks for the loader, check that no CallManager {sep} sits in the TFTP root and that XMLDefault.cnf.xml lists this model; if it loops on CTLSEP/SEP files, the TFTP server must answer "File not found" at once.',
  'planner.warn.inferredName':
    'No public source shows the file of {label}: the name {id} follows Cisco\'s naming rule (inferred). Import the {label} package and check that it holds {id}.',
  'planner.final.sccpCallAgent':
    'The {sep} left here is a bare one that only names the load: the call agent (CallManager or CME) writes the phone\'s own {sep}, which replaces it. Remove this one when the phone registers.',
  'planner.final.sipNeeds':
    'The SIP configs left here only name the image: before the phone can register, add {missing} (proxy and line settings) in SIPDefault.cnf or {sipMac}.',
} as const;

export const planPathsCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'planner.inferred.r2ChosenFirst':
      '元文書ではまず「6.3 イメージ」(SIP 6.3) に移行しますが、この経由点には {load} が選ばれました',
    'planner.refuse.cmeNeedsSip7':
      'CME では SCCP に変換する前に電話機を SIP 7.x にする必要があり (CME ガイド)、署名付きの 7.x からは {to} (5.0 より古い) をロードできません。',
    'planner.fix.cmeNeedsSip7': '5.0 以降の SCCP ロードを選ぶか、コンテキスト bench で計画してください。',
    'planner.refuse.viaNotInLibrary':
      '{load} はファームウェア ライブラリにも実在ロードの表にもないため、Phonebench は配信できません。経由点に合うロード: {fits}。',
    'planner.fix.viaNotInLibrary': 'そのロードを含む Cisco パッケージを取り込むか、一覧のロードを --via で指定してください。',
    'planner.fix.unknownTarget':
      'そのリリースの Cisco パッケージをファームウェア ライブラリに取り込んでください (ロード名はそのファイルから取ります)。または一覧のリリースから選んでください。',
    'planner.warn.latestSccp4Advice':
      '元文書は、SIP 3.x 以前からの場合、5.x のロードの前に SCCP 4.x の最新ロードを試すよう勧めています (5.x にすると戻れません)。ライブラリに SCCP 4.x のロードがないため、この計画は移行先へ直接移行します。',
    'planner.warn.latestSccp4Offer':
      '元文書は、SIP 3.x 以前からの場合、まず SCCP 4.x の最新ロードを試すよう勧めています。ライブラリに {loads} があります。先にそこを経由するには --via <ロード> を付けて計画し直してください。',
    'planner.warn.r3Alternatives':
      'SIP 5.x/6.x から SCCP へのほかの方法: 現場の手順 (OS79XX.TXT と image_version に SCCP ロードを指定。Cisco コミュニティの解説。--r3 field、既定)、元文書の gkdefault の手順 (--r3 as-written)、先に SIP 7.x にしてから image_version を変える方法 (Cisco CME ガイド「Phone Firmware Conversion from SIP to SCCP」。--r3 sip7)。',
    'planner.warn.f2Field':
      '現場の手順 (元文書にはありません): 最初の起動では XMLDefault.cnf.xml でローダー {loader} を指定し、SIP 設定ファイルでアプリケーション {app} を指定します。ローダーがそのアプリケーションを取得します。',
    'planner.warn.f2Stall':
      '電話機が止まった場合: XMLDefault.cnf.xml、{loader}.bin または .sbn を要求して再起動し、次に {sep}、SIP 設定ファイル、{app}.loads を要求するはずです。ローダーを要求しない場合は、CallManager の {sep} が TFTP ルートにないこと、XMLDefault.cnf.xml にこのモデルがあることを確認してください。CTLSEP/SEP ファイルを繰り返し要求する場合、TFTP サーバーはすぐに「File not found」を返す必要があります。',
    'planner.warn.inferredName':
      '{label} のファイルを示す公開資料はありません。名前 {id} は Cisco の命名規則から推定したものです。{label} のパッケージを取り込み、{id} が含まれていることを確認してください。',
    'planner.final.sccpCallAgent':
      'ここに残す {sep} はロード名だけの最小のファイルです。コール エージェント (CallManager または CME) が電話機用の {sep} を作成し、これと置き換えます。電話機が登録されたら、このファイルを削除してください。',
    'planner.final.sipNeeds':
      'ここに残す SIP 設定ファイルはイメージ名だけです。電話機を登録するには、SIPDefault.cnf または {sipMac} に {missing} (プロキシーと回線の設定) を追加してください。',
  },
};
