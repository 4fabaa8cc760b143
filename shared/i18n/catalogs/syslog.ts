import type { DomainCatalog } from '../catalog-types';

/** What the Syslog receiver says. */
const en = {
  'service.syslog.stopped': 'not listening',
  'service.syslog.listening': 'listening on {address}:{port} for {phones}',
  'service.syslog.everyone': 'every address',
  'syslog.ambiguous': "Name the phone's IP address: the receiver hears only that phone.",
  'syslog.ambiguous.fix': 'Enter the phone IP (Settings > Network Configuration on the phone), or choose to hear every address on purpose.',
  'syslog.anyAddress': 'Binding 0.0.0.0 would listen on every network, the customer\'s included.',
  'syslog.anyAddress.fix': 'Choose the address of the interface cabled to the phone.',
  'syslog.unknownSetting':
    "Which setting of the phone's SIP configuration sends its log to a syslog server is not in Phonebench's sources [unverified]. Look it up in Cisco's SIP administration guide for the phone's load, and point it at {address}:{port}.",
} as const;

export const syslogCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'service.syslog.stopped': '待ち受けていません',
    'service.syslog.listening': '{address}:{port} で {phones} を待ち受け中',
    'service.syslog.everyone': 'すべてのアドレス',
    'syslog.ambiguous': '電話機の IP アドレスを指定してください。受信するのはその電話機だけです。',
    'syslog.ambiguous.fix': '電話機の IP（電話機の Settings > Network Configuration）を入力するか、すべてのアドレスを受信することを明示してください。',
    'syslog.anyAddress': '0.0.0.0 にバインドすると、顧客のネットワークを含むすべてのネットワークで待ち受けます。',
    'syslog.anyAddress.fix': '電話機とつないだインターフェイスのアドレスを選んでください。',
    'syslog.unknownSetting':
      '電話機の SIP 設定のどの項目でログを syslog サーバーへ送るかは、Phonebench の情報源にありません [未確認]。電話機のロードに対応する Cisco の SIP 管理ガイドで確認し、送り先を {address}:{port} にしてください。',
  },
};
