import type { DomainCatalog } from '../catalog-types';

/** One line per service on the Status page and in `phonebench status`. */
const en = {
  'service.tftp.listening': 'listening on {address}:{port}, root {root}',
  'service.tftp.starting': 'starting on {address}:{port}',
  'service.tftp.failed': 'failed: {reason}',
  'service.sim.count': '{count} virtual phone(s)',
  'service.serial.none': 'no console open',
  'service.serial.count': '{count} console(s), {connected} connected',
  'service.migrate.none': 'no migration yet',
  'service.migrate.running': 'migrating {mac} on {address}:{port}',
  'service.migrate.ended': '{state}: {mac}',
  'settings.movedAside': 'The settings file was unreadable and has been moved to {path}; defaults are in use.',
  'settings.notFileMovedAside': 'Something other than a settings file (a folder, a pipe or a device) was in its place; it has been moved to {path} and defaults are in use.',
  'settings.unreadable': 'The settings file {path} cannot be read or moved aside ({code}).',
  'settings.unreadable.fix': 'Move {path} out of the data folder yourself (or fix its permissions), then start Phonebench again.',
} as const;

export const servicesCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'service.tftp.listening': '{address}:{port} で待ち受け中、ルート {root}',
    'service.tftp.starting': '{address}:{port} で開始中',
    'service.tftp.failed': '失敗: {reason}',
    'service.sim.count': '仮想電話機 {count} 台',
    'service.serial.none': '開いているコンソールはありません',
    'service.serial.count': 'コンソール {count} 個、うち {connected} 個が接続中',
    'service.migrate.none': 'まだ移行はありません',
    'service.migrate.running': '{mac} を {address}:{port} で移行中',
    'service.migrate.ended': '{state}: {mac}',
    'settings.movedAside': '設定ファイルが読めなかったため {path} に移し、既定値を使っています。',
    'settings.notFileMovedAside': '設定ファイルの場所に設定ファイル以外のもの（フォルダー、パイプ、デバイス）があったため {path} に移し、既定値を使っています。',
    'settings.unreadable': '設定ファイル {path} を読むことも移すこともできません（{code}）。',
    'settings.unreadable.fix': '{path} をデータフォルダーの外へ移す（または権限を直す）と、Phonebench を起動し直せます。',
  },
};
