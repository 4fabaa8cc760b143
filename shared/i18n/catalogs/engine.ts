import type { DomainCatalog } from '../catalog-types';

/** The engine's own words: requests it cannot answer, and sockets it cannot open (TFTP and DHCP). */
const en = {
  'engine.shuttingDown': 'Phonebench is shutting down.',
  'engine.unknownRequest': "Unknown request '{name}'.",
  'engine.noHandler': "No handler for '{name}'.",
  'engine.invalidParams': 'Invalid parameters for {name}: {problem}.',
  'engine.invalidParamsAt': "Invalid parameters for {name} at '{field}': {problem}.",
  'engine.requestFailed': '{name} failed: {detail}',
  'engine.malformedMessage': 'Malformed message.',
  'engine.untrustedSender': 'Request from an untrusted page refused.',
  'engine.badAddress': "'{value}' is not an IPv4 address.",
  'engine.badAddress.fix': 'Write four numbers from 0 to 255 separated by dots, such as 10.1.1.20 (the address the phone shows under Settings > Network Configuration > IP Address).',
  'bind.privileged': '{service} needs UDP port {port}, which this user may not open.',
  'bind.privileged.fix.linux':
    'Port {port} needs privileges on Linux. Either let Node bind low ports: sudo setcap cap_net_bind_service=+ep $(readlink -f $(which node)), or lower the limit: sudo sysctl net.ipv4.ip_unprivileged_port_start={port}. Or use a high port (e.g. 6969) if the phone can be pointed at it.',
  'bind.privileged.fix.darwin':
    'Port {port} needs privileges on macOS: run Phonebench with sudo, or serve on a high port such as 6969 and add a pf redirect: echo "rdr pass on lo0 inet proto udp from any to any port {port} -> 127.0.0.1 port 6969" | sudo pfctl -ef -',
  'bind.privileged.fix.win32':
    'Windows blocked the port: allow Phonebench when the Windows Firewall prompt appears, or allow it in Windows Defender Firewall settings.',
  'bind.privileged.fix.other': 'Port {port} needs privileges on this system: run with elevated rights or use a port above 1023.',
  'bind.inUse': 'UDP port {port} on {address} is already in use by another program.',
  'bind.inUseBy': 'UDP port {port} on {address} is already in use by {owner}.',
  'bind.inUse.fix': 'Stop {holder}; or choose another port.',
  'bind.inUseBy.fix': 'Stop {owner}, or choose another port. Usually that is {holder}.',
  'bind.holder.TFTP': 'the other TFTP server (e.g. sudo systemctl stop tftpd-hpa, or close Tftpd64)',
  'bind.holder.DHCP': 'the other DHCP server (dnsmasq, Tftpd64, ISC dhcpd), or leave the bench DHCP off and enter the phone IP',
  'bind.holder.Syslog': 'the system syslog daemon (rsyslog, syslog-ng) or Tftpd64\'s syslog server, or pick another port',
  'bind.noAddress': 'This computer has no address {address}.',
  'bind.noAddress.fix': 'Pick one of the listed network interfaces, and check the cable or adapter to the phone is connected.',
  'bind.failed': '{service} could not open UDP {address}:{port}: {detail}',
} as const;

export const engineCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'engine.shuttingDown': 'Phonebench を終了しています。',
    'engine.unknownRequest': "不明な要求 '{name}' です。",
    'engine.noHandler': "'{name}' を処理する部分がありません。",
    'engine.invalidParams': '{name} のパラメーターが正しくありません: {problem}。',
    'engine.invalidParamsAt': "{name} のパラメーター '{field}' が正しくありません: {problem}。",
    'engine.requestFailed': '{name} に失敗しました: {detail}',
    'engine.malformedMessage': 'メッセージの形式が正しくありません。',
    'engine.untrustedSender': '信頼できないページからの要求を拒否しました。',
    'engine.badAddress': "'{value}' は IPv4 アドレスではありません。",
    'engine.badAddress.fix': '10.1.1.20 のように、0 から 255 の数を 4 つ、ドットで区切って入力してください (電話機の Settings > Network Configuration > IP Address に表示されるアドレス)。',
    'bind.privileged': '{service} には UDP ポート {port} が必要ですが、このユーザーには開けません。',
    'bind.privileged.fix.linux':
      'Linux ではポート {port} に権限が必要です。Node に低いポートを許可する (sudo setcap cap_net_bind_service=+ep $(readlink -f $(which node)))、または制限を下げる (sudo sysctl net.ipv4.ip_unprivileged_port_start={port}) のどちらかを行ってください。電話機の向き先を変えられるなら、高いポート (例: 6969) を使うこともできます。',
    'bind.privileged.fix.darwin':
      'macOS ではポート {port} に権限が必要です。Phonebench を sudo で実行するか、6969 などの高いポートで待ち受けて pf の転送を追加してください: echo "rdr pass on lo0 inet proto udp from any to any port {port} -> 127.0.0.1 port 6969" | sudo pfctl -ef -',
    'bind.privileged.fix.win32':
      'Windows がポートをブロックしました。Windows ファイアウォールの確認が表示されたら Phonebench を許可するか、Windows Defender ファイアウォールの設定で許可してください。',
    'bind.privileged.fix.other': 'このシステムではポート {port} に権限が必要です。管理者権限で実行するか、1023 より大きいポートを使ってください。',
    'bind.inUse': '{address} の UDP ポート {port} は別のプログラムが使用中です。',
    'bind.inUseBy': '{address} の UDP ポート {port} は {owner} が使用中です。',
    'bind.inUse.fix': '{holder}を停止するか、別のポートを選んでください。',
    'bind.inUseBy.fix': '{owner} を停止するか、別のポートを選んでください。通常は{holder}です。',
    'bind.holder.TFTP': '他の TFTP サーバー (例: sudo systemctl stop tftpd-hpa、または Tftpd64 を閉じる)',
    'bind.holder.DHCP': '他の DHCP サーバー (dnsmasq、Tftpd64、ISC dhcpd)、またはベンチ DHCP を使わずに電話機の IP を入力',
    'bind.holder.Syslog': 'システムの syslog デーモン (rsyslog、syslog-ng) または Tftpd64 の syslog サーバー、あるいは別のポートを選ぶ',
    'bind.noAddress': 'このコンピューターにはアドレス {address} がありません。',
    'bind.noAddress.fix': '一覧にあるネットワーク インターフェイスを選び、電話機へのケーブルやアダプターがつながっているか確認してください。',
    'bind.failed': '{service} が UDP {address}:{port} を開けませんでした: {detail}',
  },
};
