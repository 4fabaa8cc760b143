import type {
  BundleIssue,
  BundleKind,
  BundleProtocol,
  BundleRecognition,
  ImageRole,
  RecognizedImage,
} from '../api/firmware';
import { assertNever } from '../api/result';
import { parseOs79xxTxt } from './config/os79xx-txt';
import { bootEra, compareFirmware, formatFirmware, type FirmwareVersion } from './firmware-version';
import { parseImageName, roleOfFile, splitImageExtension, type FileRole } from './image-name';

/**
 * What a firmware bundle is, from its file names and the text of its OS79XX.TXT: pure, so the engine, the
 * tests and any host agree. Completeness findings are codes with the file or image they are about; words
 * come from describeBundleIssue or the UI catalogue.
 */

export interface BundleListing {
  files: { name: string; size: number }[];
  /** File name -> text, for the small text files recognition reads (OS79XX.TXT). */
  texts: Record<string, string>;
}

const CONFIG_ROLES: ReadonlySet<FileRole> = new Set([
  'os79xx',
  'sip-config',
  'sccp-config',
  'ringlist',
  'ring',
  'dialplan',
  'tool',
]);

interface Parsed {
  image: RecognizedImage;
  version: FirmwareVersion;
}

export function recognizeBundle(listing: BundleListing): BundleRecognition {
  const parsed: Parsed[] = [];
  const configFiles: string[] = [];
  for (const { name } of listing.files) {
    const role = roleOfFile(name);
    const imageRole = toImageRole(role);
    const image = imageRole === null ? undefined : parseImageName(name);
    if (imageRole !== null && image !== undefined) {
      const loader = image.scheme === 'loader';
      parsed.push({
        version: image.version,
        image: {
          file: name,
          id: image.id,
          protocol: loader ? null : image.protocol,
          role: imageRole,
          version: loader ? null : formatFirmware(image.version),
          loader,
        },
      });
    } else if (CONFIG_ROLES.has(role)) {
      configFiles.push(name);
    }
  }

  const names = new Set(listing.files.map((f) => f.name));
  const has = (id: string, ext: string): boolean => names.has(`${id}.${ext}`);
  const issues = new IssueList();
  const apps = parsed.filter((p) => !p.image.loader);
  const loaders = parsed.filter((p) => p.image.loader);
  const protocols = [...new Set(apps.map((p) => p.image.protocol))].filter((p): p is BundleProtocol => p !== null);
  const newest = [...apps].sort((a, b) => compareFirmware(b.version, a.version))[0];

  const os79xxName = listing.files.find((f) => roleOfFile(f.name) === 'os79xx')?.name;
  const os79xxText = os79xxName === undefined ? undefined : listing.texts[os79xxName];

  // OS79XX.TXT first, so a file it names is reported in its words ("OS79XX.TXT names X but X.sbn is missing").
  if (os79xxName !== undefined && os79xxText !== undefined) {
    checkOs79xx(os79xxName, os79xxText, names, issues);
  }

  let kind: BundleKind;
  if (parsed.length === 0) {
    kind = configFiles.length > 0 ? 'config-files' : 'unknown';
    issues.push({ code: 'no-image' });
  } else if (protocols.length > 1) {
    kind = 'unknown';
    issues.push({ code: 'mixed-protocols' });
  } else if (protocols[0] === 'MGCP') {
    kind = 'mgcp';
    issues.push({ code: 'mgcp-out-of-scope' });
  } else if (newest === undefined) {
    // Only a loader: the application half of a SIP package is missing.
    kind = 'sip-loader-package';
    for (const loaderId of new Set(loaders.map((l) => l.image.id))) {
      checkLoader(issues, has, loaderId);
      const appId = loaderId.replace(/^P003/, 'P0S3');
      issues.push({ code: 'application-missing-loads', file: `${appId}.loads`, image: appId });
      issues.push({ code: 'application-missing-sb2', file: `${appId}.sb2`, image: appId });
    }
  } else {
    kind = kindOf(newest, apps.length, loaders.length);
    checkKind(kind, newest, loaders, has, issues, os79xxText === undefined);
  }

  const app = newest?.image;
  return {
    kind,
    protocol: kind === 'unknown' ? null : (app?.protocol ?? (loaders.length > 0 ? 'SIP' : null)),
    versionLabel: kind === 'unknown' ? null : (app?.version ?? null),
    applicationId: kind === 'unknown' ? null : (app?.id ?? null),
    images: parsed.map((p) => p.image).sort((a, b) => a.file.localeCompare(b.file)),
    configFiles: configFiles.sort(),
    complete: issues.list.length === 0,
    issues: issues.list,
  };
}

function toImageRole(role: FileRole): ImageRole | null {
  switch (role) {
    case 'unsigned-image':
      return 'unsigned-image';
    case 'signed-image':
      return 'signed-image';
    case 'loads':
      return 'load-descriptor';
    case 'signed-application':
      return 'signed-application';
    default:
      return null;
  }
}

function kindOf(app: Parsed, appFiles: number, loaderFiles: number): BundleKind {
  const protocol = app.image.protocol;
  if (protocol === 'SIP') {
    return loaderFiles > 0 || bootEra(app.version) === 'loader' ? 'sip-loader-package' : 'legacy-image';
  }
  if (protocol === 'SCCP') {
    if (bootEra(app.version) === 'os79xx' && appFiles === 1) return 'legacy-image';
    return 'sccp-package';
  }
  return 'unknown';
}

function checkKind(
  kind: BundleKind,
  app: Parsed,
  loaders: Parsed[],
  has: (id: string, ext: string) => boolean,
  issues: IssueList,
  noOs79xx: boolean,
): void {
  const id = app.image.id;
  switch (kind) {
    case 'sip-loader-package': {
      if (noOs79xx) issues.push({ code: 'os79xx-missing', file: 'OS79XX.TXT' });
      if (!has(id, 'loads')) issues.push({ code: 'application-missing-loads', file: `${id}.loads`, image: id });
      if (!has(id, 'sb2')) issues.push({ code: 'application-missing-sb2', file: `${id}.sb2`, image: id });
      const loaderIds = [...new Set(loaders.map((l) => l.image.id))];
      if (loaderIds.length === 0) {
        const expected = id.replace(/^P0S3/, 'P003');
        issues.push({ code: 'loader-missing-unsigned', file: `${expected}.bin`, image: expected });
        issues.push({ code: 'loader-missing-signed', file: `${expected}.sbn`, image: expected });
      }
      for (const loaderId of loaderIds) checkLoader(issues, has, loaderId);
      return;
    }
    case 'sccp-package':
      // Loader-era SCCP zips (cmterm-...-sccp.8-1-2.zip) carry all four; older ones vary, so only say what is sure.
      if (bootEra(app.version) === 'loader') {
        for (const ext of ['bin', 'sbn', 'loads', 'sb2']) {
          if (!has(id, ext)) issues.push({ code: 'sccp-missing-file', file: `${id}.${ext}`, image: id });
        }
      }
      return;
    case 'legacy-image':
    case 'config-files':
    case 'mgcp':
    case 'unknown':
      return;
    default:
      assertNever(kind, 'bundle kind');
  }
}

function checkLoader(issues: IssueList, has: (id: string, ext: string) => boolean, loaderId: string): void {
  if (!has(loaderId, 'bin')) issues.push({ code: 'loader-missing-unsigned', file: `${loaderId}.bin`, image: loaderId });
  if (!has(loaderId, 'sbn')) issues.push({ code: 'loader-missing-signed', file: `${loaderId}.sbn`, image: loaderId });
}

/** Findings in order, each missing file said once. */
class IssueList {
  readonly list: BundleIssue[] = [];

  push(issue: BundleIssue): void {
    if (issue.file !== undefined && issue.code !== 'os79xx-trailing-space' && this.list.some((i) => i.file === issue.file)) return;
    this.list.push(issue);
  }
}

/** OS79XX.TXT must hold exactly one image id, and the bundle should carry the image it names. */
function checkOs79xx(fileName: string, text: string, names: Set<string>, issues: IssueList): void {
  const { id: firstLine } = parseOs79xxTxt(text);
  if (firstLine.trim() === '') {
    issues.push({ code: 'os79xx-empty', file: fileName });
    return;
  }
  if (firstLine !== firstLine.trimEnd()) issues.push({ code: 'os79xx-trailing-space', file: fileName });
  const written = firstLine.trim();
  const { id, extension } = splitImageExtension(written);
  if (extension !== undefined) issues.push({ code: 'os79xx-has-extension', file: fileName, image: written });
  const image = parseImageName(id);
  if (image === undefined) {
    issues.push({ code: 'os79xx-unknown-name', file: fileName, image: written.slice(0, 64) });
    return;
  }
  // The phone asks for <id>.bin (unsigned path) or <id>.sbn (signed); a package should offer at least one.
  const offered = ['bin', 'sbn'].filter((ext) => names.has(`${id}.${ext}`));
  if (offered.length === 0) {
    issues.push({ code: 'os79xx-names-missing-file', file: `${id}.bin`, image: id });
  } else if (image.scheme === 'loader') {
    for (const ext of ['bin', 'sbn']) {
      if (!names.has(`${id}.${ext}`)) {
        issues.push({ code: 'os79xx-names-missing-file', file: `${id}.${ext}`, image: id });
      }
    }
  }
}

/** The finding in plain English, for the CLI and logs; the UI words it from its catalogue. */
export function describeBundleIssue(issue: BundleIssue): string {
  const file = issue.file ?? '?';
  const image = issue.image ?? '?';
  switch (issue.code) {
    case 'os79xx-missing':
      return 'OS79XX.TXT is missing: phones on the old boot path will not find the loader.';
    case 'os79xx-empty':
      return `${file} is empty.`;
    case 'os79xx-trailing-space':
      return `${file} has a trailing space: the phone would ask for a file that does not exist.`;
    case 'os79xx-has-extension':
      return `${file} names ${image} with an extension; it must hold the image name alone.`;
    case 'os79xx-unknown-name':
      return `${file} holds "${image}", which is not a 7940/7960 image name.`;
    case 'os79xx-names-missing-file':
      return `OS79XX.TXT names ${image} but ${file} is missing.`;
    case 'loader-missing-unsigned':
      return `The unsigned loader ${file} is missing (needed by phones coming from 5.x or earlier).`;
    case 'loader-missing-signed':
      return `The signed loader ${file} is missing (needed by phones on signed images).`;
    case 'application-missing-loads':
      return `The load descriptor ${file} is missing.`;
    case 'application-missing-sb2':
      return `The signed application ${file} is missing.`;
    case 'sccp-missing-file':
      return `${file} is missing from this SCCP package.`;
    case 'mixed-protocols':
      return 'The bundle mixes SIP and SCCP images; import each release on its own.';
    case 'mgcp-out-of-scope':
      return 'This is MGCP firmware; Phonebench moves phones between SCCP and SIP only.';
    case 'no-image':
      return 'No firmware image in this bundle.';
    default:
      return assertNever(issue.code, 'bundle issue');
  }
}
