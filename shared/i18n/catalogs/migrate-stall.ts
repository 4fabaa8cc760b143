import type { DomainCatalog } from '../catalog-types';

/**
 * What a migration says when the phone cannot go on (issue 19): an address the OS79XX.TXT boot needs, a
 * request of the phone's own refused, an image no bundle has. Each failure names its fix.
 */
const en = {
  'migrate.phoneIpNeeded':
    'A phone on {firmware} asks for OS79XX.TXT first, a file that names no phone: without the phone\'s address it is refused, and the phone stops at "Protocol Application Invalid".',
  'migrate.phoneIpNeeded.fix':
    "Enter the phone's IP (on the phone: Settings > Network Configuration > IP Address), or let the bench DHCP give it one.",
  'migrate.t.ownRefused': '{file}: refused before the phone was known ({reason}); it was this phone, at {client}.',
  'migrate.t.ownRefusedAfter': '{file}: not served to the phone ({reason}).',
  'migrate.stall.os79xxRefused':
    'The phone at {ip} asked for OS79XX.TXT before its address was known, and was refused: it boots the OS79XX.TXT way and cannot follow the plan without it.',
  'migrate.stall.os79xxRefused.fix':
    'Start again with Phone IP {ip} (or the bench DHCP), then reset the phone (unplug and replug its power). Nothing was changed on the phone.',
  'migrate.stall.imageMissing':
    'The phone asked for {file}, which no bundle in the library has: it stops at "Protocol Application Invalid" and does not ask again by itself.',
  'migrate.stall.imageMissing.fix':
    'The phone did not boot the way the plan expects of {from}: check its firmware (Settings > Status > Firmware Versions), correct the current firmware and start again, then reset the phone.',
  'migrate.stall.wrongAddress': 'A request naming this phone ({file}) came from {client}, not from {ip} as entered: everything it asks is refused.',
  'migrate.stall.wrongAddress.fix': 'Start again with Phone IP {client}, then reset the phone.',
} as const;

export const migrateStallCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'migrate.phoneIpNeeded':
      '{firmware} の電話機は最初に OS79XX.TXT を要求します。このファイル名は電話機を示さないため、電話機の IP アドレスがないと配信を拒否し、電話機は "Protocol Application Invalid" で止まります。',
    'migrate.phoneIpNeeded.fix':
      '電話機の IP アドレスを入力してください (電話機の Settings > Network Configuration > IP Address)。またはベンチ DHCP でアドレスを割り当ててください。',
    'migrate.t.ownRefused': '{file}: 電話機を特定する前に拒否しました ({reason})。{client} のこの電話機からの要求でした。',
    'migrate.t.ownRefusedAfter': '{file}: 電話機に配信しません ({reason})。',
    'migrate.stall.os79xxRefused':
      '{ip} の電話機が、アドレスが分かる前に OS79XX.TXT を要求し、拒否されました。この電話機は OS79XX.TXT 方式で起動するため、これなしでは計画どおりに進めません。',
    'migrate.stall.os79xxRefused.fix':
      '電話機の IP に {ip} を入力して (またはベンチ DHCP を使って) もう一度開始し、電話機をリセットしてください (電源を抜いて挿し直す)。電話機には何も変更していません。',
    'migrate.stall.imageMissing':
      '電話機が {file} を要求しましたが、ライブラリのどのバンドルにもありません。電話機は "Protocol Application Invalid" で止まり、自分からは再要求しません。',
    'migrate.stall.imageMissing.fix':
      '電話機は {from} で想定した起動をしていません。ファームウェアを確認し (Settings > Status > Firmware Versions)、現在のファームウェアを直してもう一度開始し、電話機をリセットしてください。',
    'migrate.stall.wrongAddress': 'この電話機を示す要求 ({file}) が、入力された {ip} ではなく {client} から届きました。要求はすべて拒否されます。',
    'migrate.stall.wrongAddress.fix': '電話機の IP に {client} を入力してもう一度開始し、電話機をリセットしてください。',
  },
};
