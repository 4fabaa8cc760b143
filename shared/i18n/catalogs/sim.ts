import type { DomainCatalog } from '../catalog-types';

/** What the virtual 7940/7960 phones' service says. */
const en = {
  'sim.tooMany': '{max} virtual phones are already running.',
  'sim.tooMany.fix': 'Stop one with sim:stop first.',
  'sim.notFound': "No virtual phone '{id}'.",
  'sim.notFound.fix': 'sim:list shows the running ones.',
  'sim.badLabel': "'{label}' is not a firmware label.",
  'sim.badLabel.fix': "Write it as technicians do: 'SCCP 3.1', 'SIP 8.12', 'SCCP 8.1(2)SR2', or 'none'.",
  'sim.badMac': "'{mac}' is not a MAC address.",
  'sim.badMac.fix': 'Use the MAC on the sticker, e.g. 00:0E:84:C0:60:A6.',
  'sim.consoleOpenFailed': "Cannot open {path} for the virtual phone's console: {reason}",
  'sim.consoleOpenFailed.fix': 'Check the path (e.g. one end of a socat PTY pair) and that nothing else holds it.',
  'sim.unknownHost': "Cannot find the TFTP server '{host}'.",
  'sim.unknownHost.fix': 'Give its IPv4 address, e.g. 127.0.0.1 or the laptop address on the phone network.',
} as const;

export const simCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'sim.tooMany': '仮想電話機はすでに {max} 台動いています。',
    'sim.tooMany.fix': '先に sim:stop で 1 台止めてください。',
    'sim.notFound': "仮想電話機 '{id}' はありません。",
    'sim.notFound.fix': '動いている仮想電話機は sim:list で確認できます。',
    'sim.badLabel': "'{label}' はファームウェアの表記ではありません。",
    'sim.badLabel.fix': "技術者の書き方で書いてください: 'SCCP 3.1'、'SIP 8.12'、'SCCP 8.1(2)SR2'、または 'none'。",
    'sim.badMac': "'{mac}' は MAC アドレスではありません。",
    'sim.badMac.fix': 'ラベルに書かれた MAC を使ってください。例: 00:0E:84:C0:60:A6',
    'sim.consoleOpenFailed': '仮想電話機のコンソール用に {path} を開けません: {reason}',
    'sim.consoleOpenFailed.fix': 'パス (例: socat の PTY ペアの片側) と、他に使っているものがないかを確認してください。',
    'sim.unknownHost': "TFTP サーバー '{host}' が見つかりません。",
    'sim.unknownHost.fix': 'IPv4 アドレスで指定してください。例: 127.0.0.1、または電話機側ネットワークでのこの PC のアドレス。',
  },
};
