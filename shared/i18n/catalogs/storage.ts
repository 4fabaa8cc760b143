import type { DomainCatalog } from '../catalog-types';

/** What the engine says when the disk refuses a write. */
const en = {
  'storage.diskFull': 'The disk is full: {what} could not be written ({folder}); nothing half-written was kept.',
  'storage.diskFull.fix': 'Free some space on the disk that holds {folder} (or move the Phonebench data folder with --data-dir), then try again.',
  'storage.readOnly': '{what} could not be written: {folder} is on a read-only disk.',
  'storage.denied': '{what} could not be written: permission denied in {folder}.',
  'storage.denied.fix': 'Make {folder} writable for this user, or choose another data folder with --data-dir.',
} as const;

export const storageCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'storage.diskFull': 'ディスクがいっぱいのため、{what} を書き込めませんでした ({folder})。書きかけのものは残していません。',
    'storage.diskFull.fix': '{folder} のあるディスクの空きを増やしてから (または --data-dir で Phonebench のデータフォルダーを移してから)、もう一度試してください。',
    'storage.readOnly': '{folder} は読み取り専用のディスクにあるため、{what} を書き込めませんでした。',
    'storage.denied': '{folder} に書き込む権限がないため、{what} を書き込めませんでした。',
    'storage.denied.fix': 'このユーザーが {folder} に書き込めるようにするか、--data-dir で別のデータフォルダーを選んでください。',
  },
};
