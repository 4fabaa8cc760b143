import type { DomainCatalog } from '../catalog-types';

/** What the browser host says when a connection or an upload crosses one of its limits. */
const en = {
  'webLimits.busy': 'This window already has {limit} requests running.',
  'webLimits.busy.fix': 'Wait for them to finish, then try again.',
  'webLimits.uploadTooLarge': 'The upload is larger than the limit of {limit} MiB.',
  'webLimits.uploadTooLarge.fix': 'Import the file by its path instead: phonebench firmware import PATH.',
  'webLimits.uploadsBusy': 'Already receiving {limit} uploads.',
  'webLimits.uploadsBusy.fix': 'Wait for an upload to finish, then try again.',
} as const;

export const webLimitsCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'webLimits.busy': 'このウィンドウではすでに {limit} 件の要求を処理中です。',
    'webLimits.busy.fix': '処理が終わるのを待ってから、もう一度試してください。',
    'webLimits.uploadTooLarge': 'アップロードが上限の {limit} MiB を超えています。',
    'webLimits.uploadTooLarge.fix': '代わりにパスを指定して取り込んでください: phonebench firmware import PATH',
    'webLimits.uploadsBusy': 'すでに {limit} 件のアップロードを受信中です。',
    'webLimits.uploadsBusy.fix': 'アップロードが終わるのを待ってから、もう一度試してください。',
  },
};
