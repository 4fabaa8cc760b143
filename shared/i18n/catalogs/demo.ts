import type { DomainCatalog } from '../catalog-types';

/** What the demo library says (issue 19 item 2): its bundles are synthetic, for the virtual phone only. */
const en = {
  'demo.realPhone': 'The bundle "{name}" is a Phonebench demo, not Cisco firmware: only the virtual phone gets it.',
  'demo.realPhone.fix':
    "For a real phone, import Cisco's firmware archive (Firmware page, or phonebench firmware import) and pick that bundle; demo bundles run with the virtual phone only.",
  'demo.t.serving': 'Serving the demo bundle "{name}": synthetic files shaped like the real package, not Cisco firmware; only the virtual phone gets them.',
} as const;

export const demoCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'demo.realPhone': 'バンドル "{name}" は Phonebench のデモ用で、Cisco のファームウェアではありません。仮想電話機にだけ配信します。',
    'demo.realPhone.fix':
      '実機には Cisco のファームウェア アーカイブをインポートし (ファームウェア ページ、または phonebench firmware import)、そのバンドルを選んでください。デモ用バンドルは仮想電話機でのみ動きます。',
    'demo.t.serving': 'デモ用バンドル "{name}" を配信します: 実際のパッケージと同じ構成の合成ファイルで、Cisco のファームウェアではありません。仮想電話機にだけ配信します。',
  },
};
