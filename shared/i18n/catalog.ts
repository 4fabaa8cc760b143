import { dhcpCatalog } from './catalogs/dhcp';
import { engineCatalog } from './catalogs/engine';
import { errorsCatalog } from './catalogs/errors';
import { firmwareCatalog } from './catalogs/firmware';
import { firmwareImportCatalog } from './catalogs/firmware-import';
import { hintsCatalog } from './catalogs/hints';
import { historyCatalog } from './catalogs/history';
import { lintCatalog } from './catalogs/lint';
import { lintFieldCatalog } from './catalogs/lint-field';
import { migrateCatalog } from './catalogs/migrate';
import { migrateFieldCatalog } from './catalogs/migrate-field';
import { migrateOutcomeCatalog } from './catalogs/migrate-outcome';
import { migrateStallCatalog } from './catalogs/migrate-stall';
import { demoCatalog } from './catalogs/demo';
import { osCatalog } from './catalogs/os-errors';
import { planCatalog } from './catalogs/plan';
import { planPathsCatalog } from './catalogs/plan-paths';
import { reportCatalog } from './catalogs/report';
import { serialCatalog } from './catalogs/serial';
import { serialSendCatalog } from './catalogs/serial-send';
import { servicesCatalog } from './catalogs/services';
import { simCatalog } from './catalogs/sim';
import { syslogCatalog } from './catalogs/syslog';
import { storageCatalog } from './catalogs/storage';
import { tftpCatalog } from './catalogs/tftp';
import { tftpLogCatalog } from './catalogs/tftp-log';
import { webCatalog } from './catalogs/web';
import { webLimitsCatalog } from './catalogs/web-limits';

/**
 * Every catalogue of what the engine and the planner can say, one file per domain in ./catalogs.
 * Add a domain: write catalogs/<domain>.ts and list it here.
 */
export const MESSAGE_CATALOGS = [
  errorsCatalog,
  engineCatalog,
  firmwareImportCatalog,
  storageCatalog,
  tftpCatalog,
  serialCatalog,
  serialSendCatalog,
  simCatalog,
  dhcpCatalog,
  webCatalog,
  webLimitsCatalog,
  firmwareCatalog,
  migrateCatalog,
  migrateFieldCatalog,
  servicesCatalog,
  lintCatalog,
  lintFieldCatalog,
  planCatalog,
  planPathsCatalog,
  hintsCatalog,
  migrateOutcomeCatalog,
  migrateStallCatalog,
  demoCatalog,
  historyCatalog,
  syslogCatalog,
  reportCatalog,
  osCatalog,
  tftpLogCatalog,
] as const;

type Union<T> = T extends readonly { en: infer E }[] ? E : never;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type MessageKey = keyof UnionToIntersection<Union<typeof MESSAGE_CATALOGS>> & string;
