import { z } from 'zod';
import { request, type AnyRequestDefs } from './define';

/** What a bundle turned out to be, from its file names and OS79XX.TXT. */
export const BUNDLE_KINDS = [
  'sip-loader-package',
  'sccp-package',
  'legacy-image',
  'config-files',
  'mgcp',
  'unknown',
] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

export const BUNDLE_PROTOCOLS = ['SIP', 'SCCP', 'MGCP'] as const;
export type BundleProtocol = (typeof BUNDLE_PROTOCOLS)[number];

/** `.bin` unsigned image, `.sbn` signed image, `.loads` load descriptor, `.sb2` signed application. */
export const IMAGE_ROLES = ['unsigned-image', 'signed-image', 'load-descriptor', 'signed-application'] as const;
export type ImageRole = (typeof IMAGE_ROLES)[number];

/** Findings about completeness, as codes so every language can word them. */
export const BUNDLE_ISSUE_CODES = [
  'os79xx-missing',
  'os79xx-empty',
  'os79xx-trailing-space',
  'os79xx-has-extension',
  'os79xx-unknown-name',
  'os79xx-names-missing-file',
  'loader-missing-unsigned',
  'loader-missing-signed',
  'application-missing-loads',
  'application-missing-sb2',
  'sccp-missing-file',
  'mixed-protocols',
  'mgcp-out-of-scope',
  'no-image',
] as const;
export type BundleIssueCode = (typeof BUNDLE_ISSUE_CODES)[number];

export const bundleIssueSchema = z.object({
  code: z.enum(BUNDLE_ISSUE_CODES),
  /** The file the finding is about, when there is one. */
  file: z.string().max(255).optional(),
  /** The image id the finding is about, e.g. P003-8-12-00. */
  image: z.string().max(64).optional(),
});
export type BundleIssue = z.infer<typeof bundleIssueSchema>;

export const recognizedImageSchema = z.object({
  file: z.string().max(255),
  id: z.string().max(64),
  protocol: z.enum(BUNDLE_PROTOCOLS).nullable(),
  role: z.enum(IMAGE_ROLES),
  /** "SIP 8.12", "SCCP 8.1(2)SR2"; null for loaders and names that carry no version. */
  version: z.string().max(64).nullable(),
  /** True for the universal application loader (P003-xx-y-zz). */
  loader: z.boolean(),
});
export type RecognizedImage = z.infer<typeof recognizedImageSchema>;

export const bundleRecognitionSchema = z.object({
  kind: z.enum(BUNDLE_KINDS),
  protocol: z.enum(BUNDLE_PROTOCOLS).nullable(),
  /** e.g. "SIP 8.12"; null when no image says. */
  versionLabel: z.string().max(64).nullable(),
  /** The image a phone ends up running, e.g. P0S3-8-12-00 or P00308010200. */
  applicationId: z.string().max(64).nullable(),
  images: z.array(recognizedImageSchema).max(10_000),
  /** Config and ring files that came with the bundle (OS79XX.TXT, SIPDefaultGeneric.cnf, RINGLIST.DAT...). */
  configFiles: z.array(z.string().max(255)).max(10_000),
  complete: z.boolean(),
  issues: z.array(bundleIssueSchema).max(1_000),
});
export type BundleRecognition = z.infer<typeof bundleRecognitionSchema>;

/** `file`: a single loose file given on its own, such as an old single-image download. */
export const ARCHIVE_FORMATS = ['zip', 'tar', 'tar.gz', 'folder', 'file'] as const;
export type ArchiveFormat = (typeof ARCHIVE_FORMATS)[number];

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const bundleFileSchema = z.object({
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  sha256: sha256Schema,
  /** Where it came from inside the source, e.g. "P0S3-8-12-00.tar/P0S3-8-12-00.sb2". */
  origin: z.string().max(4096),
});
export type BundleFile = z.infer<typeof bundleFileSchema>;

export const bundleManifestSchema = z.object({
  formatVersion: z.literal(1),
  id: z.string().regex(/^[0-9a-f]{16}$/),
  source: z.object({
    name: z.string().max(1024),
    format: z.enum(ARCHIVE_FORMATS),
    size: z.number().int().nonnegative(),
    /** Of the archive file; for a folder, of its sorted file list with hashes. */
    sha256: sha256Schema,
  }),
  importedAt: z.iso.datetime(),
  files: z.array(bundleFileSchema).max(100_000),
  /** Entries left out on purpose (folders, macOS metadata), with the reason. */
  skipped: z.array(z.object({ name: z.string().max(4096), reason: z.string().max(200) })).max(100_000),
  recognition: bundleRecognitionSchema,
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/** One line of the library list. */
export interface BundleSummary {
  id: string;
  sourceName: string;
  importedAt: string;
  fileCount: number;
  totalBytes: number;
  kind: BundleKind;
  protocol: BundleProtocol | null;
  versionLabel: string | null;
  complete: boolean;
  issueCount: number;
}

export interface ExportResult {
  to: string;
  written: string[];
  /** Already present with identical content. */
  unchanged: string[];
}

export const IMPORT_PHASES = ['hashing', 'extracting', 'recognizing', 'committing', 'done', 'failed'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

const pathSchema = z.string().min(1).max(4096);
const idSchema = z.string().regex(/^[0-9a-f]{16}$/, 'a bundle id is 16 hex digits');
const noParams = z.object({});

const importParams = z.object({ path: pathSchema });
const idParams = z.object({ id: idSchema });
const exportParams = z.object({ id: idSchema, to: pathSchema });

/** Requests of the firmware domain, named 'firmware:<verb>'. */
export const firmwareRequests = {
  'firmware:import': request<typeof importParams, BundleManifest>(importParams),
  'firmware:list': request<typeof noParams, BundleSummary[]>(noParams),
  'firmware:show': request<typeof idParams, BundleManifest>(idParams),
  'firmware:delete': request<typeof idParams, { id: string }>(idParams),
  'firmware:export': request<typeof exportParams, ExportResult>(exportParams),
} satisfies AnyRequestDefs;

/** Events of the firmware domain, named 'firmware:<noun>'. */
export interface FirmwareEvents {
  /** Batched: one per entry and per 4 MiB written, never per chunk. `importId` tells concurrent imports apart. */
  'firmware:import-progress': {
    importId: string;
    sourceName: string;
    phase: ImportPhase;
    bytes: number;
    entries: number;
  };
  'firmware:library-changed': { ids: string[] };
}
