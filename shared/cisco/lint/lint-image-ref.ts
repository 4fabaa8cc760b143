import { msg } from '../../i18n/message';
import { formatFirmware, type Protocol } from '../firmware-version';
import { imageIdFor, loaderIdFor, parseImageName, splitImageExtension, type ImageName } from '../image-name';
import type { Add, LintContext } from './lint-finding';

/**
 * Where an image id is written: OS79XX.TXT (the phone downloads `<id>.bin`/`.sbn`; for SIP 7.x on that is the
 * loader, as the package's own OS79XX.TXT names it) or a config file (image_version, loadInformation: the
 * application, whose `.loads` a loader-era phone fetches). Domain reference sections 2 and 3.
 */
export type ImageRefSite = 'os79xx' | 'config';

/** The files of an id the phone downloads from this site: OS79XX.TXT takes a single .bin or .sbn. */
function siteExtensions(site: ImageRefSite): readonly string[] {
  return site === 'os79xx' ? ['bin', 'sbn'] : ['bin', 'sbn', 'loads', 'sb2'];
}

function inLibrary(id: string, site: ImageRefSite, context: LintContext): boolean {
  return siteExtensions(site).some((e) => context.library?.includes(`${id}.${e}`) === true);
}

/** SIP 7.x on: OS79XX.TXT names the loader, not the P0S3 application. */
function isLoaderEraSipApp(name: ImageName): boolean {
  return name.scheme === 'sip-dashed' && name.version.major >= 7;
}

/** The id this site wants for the release `name` is of, when we know its form. */
function wantedId(name: ImageName, site: ImageRefSite): string {
  if (site === 'os79xx' && (isLoaderEraSipApp(name) || name.scheme === 'loader')) return loaderIdFor(name.version) ?? name.id;
  if (name.scheme === 'loader') return imageIdFor(name.version);
  if (name.scheme === 'mgcp' || name.scheme === 'sccp-8.3') return name.id;
  return imageIdFor(name.version);
}

/** The id as written, or read with a zero for the letter O (`POS3`, as the source document prints it). */
function readId(id: string): { name: ImageName | undefined; fault?: 'case' | 'letter-o' } {
  const exact = parseImageName(id);
  if (exact !== undefined) return { name: exact };
  const zeroed = /^P[Oo]/i.test(id) ? parseImageName(`P0${id.slice(2)}`.toUpperCase()) : undefined;
  if (zeroed !== undefined) return { name: zeroed, fault: 'letter-o' };
  const upper = parseImageName(id.toUpperCase());
  return upper === undefined ? { name: undefined } : { name: upper, fault: 'case' };
}

/**
 * Checks an image id a config names: extension, form, library, protocol. `loaderFieldPractice`: XMLDefault.cnf.xml,
 * where field guides name the loader for a phone coming from SCCP (a warning, never an error).
 */
export function lintImageRef(
  raw: string,
  line: number,
  what: string,
  site: ImageRefSite,
  context: LintContext,
  add: Add,
  loaderFieldPractice = false,
): void {
  const value = raw.trim();
  if (value === '') {
    add(line, 'error', msg('lint.image.empty', { what }), msg('lint.image.empty.fix', { example: site === 'os79xx' ? 'P003-8-12-00' : 'P0S3-8-12-00' }));
    return;
  }
  const { id, extension } = splitImageExtension(value);
  const { name, fault } = readId(id);
  // A real file of the written id in the library wins over our reading of the name's form; a loader never
  // stands in a config file, whatever the library holds (the phone would fetch `<loader>.loads`).
  const loaderInConfig = site === 'config' && name?.scheme === 'loader' && !loaderFieldPractice;
  if (loaderFieldPractice && name?.scheme === 'loader' && fault === undefined) {
    add(line, 'warning', msg('lint.xml.loaderFieldPractice', { what, id: name.id }), msg('lint.xml.loaderFieldPractice.fix', { app: imageIdFor(name.version) }));
  }
  const loaderOk = loaderFieldPractice && name?.scheme === 'loader' && fault === undefined;
  const accepted = name !== undefined && fault === undefined && !loaderInConfig && (loaderOk || inLibrary(name.id, site, context));
  const want = name === undefined ? id : accepted ? name.id : wantedId(name, site);
  if (extension !== undefined) {
    add(line, 'error', msg('lint.image.extension', { what, extension }), msg('lint.image.extension.fix', { id: want }));
  }
  if (name === undefined) {
    add(line, 'error', msg('lint.image.unknown', { what, id }), msg('lint.image.unknown.fix'));
    return;
  }
  if (fault === 'letter-o') {
    add(line, 'error', msg('lint.image.letterO', { what, id }), msg('lint.image.letterO.fix', { id: want }));
  } else if (fault === 'case') {
    add(line, 'error', msg('lint.image.case', { what, id }), msg('lint.write', { id: want }));
  } else if (!accepted && want !== name.id) {
    add(line, 'error', wrongIdProblem(name, what, site, want), msg('lint.write', { id: want }));
  }
  if (name.scheme === 'mgcp') add(line, 'warning', msg('lint.image.mgcp', { what, id: name.id }), msg('lint.image.mgcp.fix'));
  const reported = fault !== undefined || (!accepted && want !== name.id);
  checkLibrary(reported ? want : name.id, line, what, site, context, add);
  checkProtocol(name.scheme === 'loader' ? 'SIP' : name.protocol, line, what, context, add);
}

function wrongIdProblem(name: ImageName, what: string, site: ImageRefSite, want: string) {
  if (site === 'os79xx' && isLoaderEraSipApp(name)) {
    return msg('lint.os79xx.applicationNotLoader', { id: name.id, version: formatFirmware(name.version), loader: want });
  }
  if (site === 'config' && name.scheme === 'loader') return msg('lint.image.loaderInConfig', { what, id: name.id, app: want });
  return msg('lint.image.wrongForm', { what, id: name.id, version: formatFirmware(name.version) });
}

/** OS79XX.TXT needs the .bin or .sbn of its id (an error); a config's image missing entirely is a warning. */
function checkLibrary(id: string, line: number, what: string, site: ImageRefSite, context: LintContext, add: Add): void {
  if (context.library === undefined || inLibrary(id, site, context)) return;
  if (site === 'os79xx') {
    add(line, 'error', msg('lint.os79xx.noBinary', { id }), msg('lint.os79xx.noBinary.fix', { id }));
    return;
  }
  add(line, 'warning', msg('lint.image.notInLibrary', { what, id }), msg('lint.image.notInLibrary.fix', { id }));
}

function checkProtocol(protocol: Protocol, line: number, what: string, context: LintContext, add: Add): void {
  if (context.planProtocol !== undefined && context.planProtocol !== protocol) {
    add(
      line,
      'error',
      msg('lint.image.protocol', { what, protocol, planProtocol: context.planProtocol }),
      msg('lint.image.protocol.fix', { planProtocol: context.planProtocol }),
    );
  }
}
