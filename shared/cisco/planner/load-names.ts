import { bootEra, formatFirmware, sameFirmware, type FirmwareVersion } from '../firmware-version';
import { imageIdFor, loaderIdFor, parseImageName } from '../image-name';

/**
 * Where a plan takes its load names from. A release whose files sit in the firmware library is named by those
 * files (the package's own names, whatever their widths); only a release the library lacks falls back to the
 * naming rule in image-name.ts.
 */
export interface LoadNames {
  /** The application id (OS79XX.TXT, image_version, loadInformation). */
  app(v: FirmwareVersion): string;
  /** The universal loader id shipped with a SIP 7.x or later release. */
  loader(v: FirmwareVersion): string | undefined;
}

/** Names from the naming rule only (no library). */
export const RULE_NAMES: LoadNames = { app: imageIdFor, loader: loaderIdFor };

/** One release as the library holds it: its ids and which of its files are there. */
export interface LibraryLoad {
  version: FirmwareVersion;
  app?: string;
  loader?: string;
  files: Set<string>;
}

/** Groups the library's image files by release. */
export function libraryLoads(files: readonly string[]): LibraryLoad[] {
  const out = new Map<string, LibraryLoad>();
  for (const raw of files) {
    const base = raw.split(/[\\/]/).pop() ?? raw;
    const parsed = parseImageName(base);
    if (parsed === undefined || parsed.extension === undefined) continue;
    const key = `${parsed.version.protocol} ${formatFirmware(parsed.version)}`;
    const load = out.get(key) ?? { version: parsed.version, files: new Set<string>() };
    load.files.add(base);
    if (parsed.scheme === 'loader') load.loader = parsed.id;
    else load.app = parsed.id;
    out.set(key, load);
  }
  return [...out.values()];
}

/**
 * The library's load of `v` when its package is complete: SIP 7.x on needs the loader (.bin, .sbn) and the
 * application (.loads, .sb2); SCCP 6.x on its .loads, .sb2 and .sbn; older releases one image file.
 */
export function completeLibraryLoad(v: FirmwareVersion, files: readonly string[]): LibraryLoad | undefined {
  const load = libraryLoads(files).find((l) => sameFirmware(l.version, v) && l.app !== undefined);
  if (load === undefined || load.app === undefined) return undefined;
  const has = (name: string): boolean => load.files.has(name);
  if (bootEra(v) === 'loader') {
    const app = load.app;
    const appOk = has(`${app}.loads`) && has(`${app}.sb2`);
    if (v.protocol === 'SIP') return appOk && load.loader !== undefined && has(`${load.loader}.sbn`) && has(`${load.loader}.bin`) ? load : undefined;
    return appOk && has(`${app}.sbn`) ? load : undefined;
  }
  return has(`${load.app}.bin`) || has(`${load.app}.sbn`) ? load : undefined;
}

/** Names from the library where it holds the release, else from the naming rule. */
export function libraryNames(files: readonly string[] | undefined): LoadNames {
  if (files === undefined || files.length === 0) return RULE_NAMES;
  const loads = libraryLoads(files);
  const find = (v: FirmwareVersion): LibraryLoad | undefined => loads.find((l) => sameFirmware(l.version, v));
  return {
    app: (v) => find(v)?.app ?? imageIdFor(v),
    loader: (v) => (v.protocol === 'SIP' && v.major >= 7 ? (find(v)?.loader ?? loaderIdFor(v)) : undefined),
  };
}
