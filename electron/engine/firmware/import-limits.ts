/** Caps that keep a hostile or broken archive from filling the disk or the memory. */
export interface ImportLimits {
  /** Entries across the archive and every archive nested in it. */
  maxEntries: number;
  /** Bytes written out, counted while streaming (headers are not trusted). */
  maxTotalBytes: number;
  /** Uncompressed bytes per compressed byte, for one entry and for the whole archive. */
  maxRatio: number;
  /** Bytes below which the ratio is not checked (tiny text files compress well). */
  ratioFloorBytes: number;
  /** Archives inside archives: 1 means a zip may hold a tar, but that tar may not hold another archive. */
  maxNesting: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxNesting: 3,
};
