import type { DomainCatalog } from '../../../shared/i18n/catalog-types';

/**
 * The bench rhythm: a finished run, the next phone, expected durations, the phone timeline. Config file and
 * parameter names stay as the phone reads them.
 */
const en = {
  'bench.success.heading': 'Done: this phone now runs {to}.',
  'bench.success.next': 'What comes next',
  'bench.success.sip':
    'The phone has no SIP line yet. It registers once your call agent gives it its own file: SIP{mac}.cnf (proxy1_address, line1_name and the line account) on the TFTP server it uses. Those come from your PBX or provider; Phonebench does not write lines.',
  'bench.success.sccp': 'The phone registers once your call agent (CallManager or CME) knows it: its own SEP{mac}.cnf.xml comes from there, on the TFTP server it uses.',
  'bench.success.unplug': 'Unplug this phone. For the next one press Next phone: the firmware, interface, port and current firmware stay; only the MAC is asked.',
  'bench.next': 'Next phone',
  'bench.next.heading': 'Next phone: only the MAC changes',
  'bench.next.help': 'Type this phone\'s MAC address (the sticker under the phone) and start. Everything else is as for the last phone.',
  'bench.next.kept': 'Kept from the last phone',
  'bench.next.bundle': 'Firmware to install',
  'bench.next.interface': 'Interface and TFTP port',
  'bench.next.from': 'Current firmware',
  'bench.next.model': 'Model',
  'bench.next.phoneIp': 'Phone IP',
  'bench.next.dhcp': 'Bench DHCP gives',
  'bench.next.change': 'Change these settings',
  'bench.newSetup': 'Start over with new settings',
  'bench.flash.usually': 'Usually {usual} ({basis}); {elapsed} so far.',
  'bench.flash.basis.run': 'measured on {count} earlier writes in this run',
  'bench.flash.basis.bench': 'measured on {count} earlier writes on this computer',
  'bench.flash.basis.none': 'No write measured on this computer yet, so no estimate; {elapsed} so far.',
  'bench.phoneTimeline': 'Phone timeline',
  'bench.phoneTimeline.show': 'Phone timeline (console and TFTP)',
  'bench.phoneTimeline.hide': 'Back to the run timeline',
  'bench.phoneTimeline.help': 'The console beside and the phone\'s TFTP requests on one time axis, from the start of this run.',
  'bench.phoneTimeline.tftp': 'TFTP',
  'bench.phoneTimeline.console': 'console',
  'bench.quiet':
    'The phone has been quiet for {elapsed}, well past the usual {usual}. It may still be writing: leave its power on and look at its screen and the console beside; if it shows an error, the hints there say what it means.',
} as const;

export const messages: DomainCatalog<typeof en> = {
  en,
  ja: {
    'bench.success.heading': '完了: この電話機は {to} で動いています。',
    'bench.success.next': '次にすること',
    'bench.success.sip':
      'この電話機にはまだ SIP の回線がありません。呼制御サーバー(PBX やプロバイダー)が用意する電話機ごとのファイル SIP{mac}.cnf(proxy1_address、line1_name と回線のアカウント)を、電話機が使う TFTP サーバーに置くと登録されます。Phonebench は回線を書きません。',
    'bench.success.sccp': '呼制御サーバー(CallManager や CME)にこの電話機を登録すると、電話機ごとの SEP{mac}.cnf.xml がそこから電話機が使う TFTP サーバーに届き、登録されます。',
    'bench.success.unplug': 'この電話機を外してください。次の電話機は「次の電話機」を押します。ファームウェア、インターフェイス、ポート、現在のファームウェアはそのままで、MAC アドレスだけを尋ねます。',
    'bench.next': '次の電話機',
    'bench.next.heading': '次の電話機: MAC アドレスだけが変わります',
    'bench.next.help': 'この電話機の MAC アドレス(本体裏のラベル)を入力して開始してください。ほかは前の電話機と同じです。',
    'bench.next.kept': '前の電話機から引き継ぐ設定',
    'bench.next.bundle': 'インストールするファームウェア',
    'bench.next.interface': 'インターフェイスと TFTP ポート',
    'bench.next.from': '現在のファームウェア',
    'bench.next.model': '機種',
    'bench.next.phoneIp': '電話機の IP',
    'bench.next.dhcp': 'ベンチ DHCP が渡すアドレス',
    'bench.next.change': 'これらの設定を変える',
    'bench.newSetup': '新しい設定で最初から',
    'bench.flash.usually': '通常 {usual}({basis})。経過 {elapsed}。',
    'bench.flash.basis.run': 'この移行でのこれまでの書き込み {count} 回の実測',
    'bench.flash.basis.bench': 'このコンピューターでのこれまでの書き込み {count} 回の実測',
    'bench.flash.basis.none': 'このコンピューターではまだ書き込みを測っていないため、目安はありません。経過 {elapsed}。',
    'bench.phoneTimeline': '電話機のタイムライン',
    'bench.phoneTimeline.show': '電話機のタイムライン(コンソールと TFTP)',
    'bench.phoneTimeline.hide': '移行の経過に戻る',
    'bench.phoneTimeline.help': '横のコンソールと電話機の TFTP 要求を、この移行の開始からの 1 本の時間軸に並べます。',
    'bench.phoneTimeline.tftp': 'TFTP',
    'bench.phoneTimeline.console': 'コンソール',
    'bench.quiet':
      '電話機は {elapsed} のあいだ何も要求していません。通常の {usual} を大きく過ぎています。まだ書き込み中かもしれません。電源は入れたまま、電話機の画面と横のコンソールを見てください。エラーが出ていれば、そこのヒントが意味を説明します。',
  },
};
