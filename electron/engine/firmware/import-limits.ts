import type { Settings } from '../../../shared/api/app';

/** Caps that keep a hostile or broken archive from filling the disk, the memory or the afternoon. */
export interface ImportLimits {
  /** Entries across the archive and every archive nested in it. */
  maxEntries: number;
  /** Bytes read in (the source) and written out (counted while streaming: headers are not trusted). */
  maxTotalBytes: number;
  /** Uncompressed bytes per compressed byte, for one entry and for the whole archive. */
  maxRatio: number;
  /** Bytes below which the ratio is not checked (tiny text files compress well). */
  ratioFloorBytes: number;
  /** Archives inside archives: 1 means a zip may hold a tar, but that tar may not hold another archive. */
  maxNesting: number;
  /** Folders inside folders, in a source folder or in an entry's path. */
  maxDepth: number;
  /** Wall-clock seconds for the whole import, hashing included. */
  maxSeconds: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxNesting: 3,
  maxDepth: 16,
  maxSeconds: 600,
};

/** The settings a technician may raise, by the name the errors print (`firmwareImport.<name>`). */
export type ImportLimitSetting = 'maxMegabytes' | 'maxEntries' | 'maxDepth' | 'maxSeconds';

/** The limits for the next import: the settings a technician can raise, over the fixed defaults. */
export function importLimitsFromSettings(settings: Settings['firmwareImport']): ImportLimits {
  return {
    ...DEFAULT_IMPORT_LIMITS,
    maxTotalBytes: settings.maxMegabytes * 1024 * 1024,
    maxEntries: settings.maxEntries,
    maxDepth: settings.maxDepth,
    maxSeconds: settings.maxSeconds,
  };
}
