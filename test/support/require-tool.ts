import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/**
 * The one way a test depends on a peer outside Node (a real client, a real server, root, a browser).
 * Outside CI a missing peer skips the test with a printed reason; under CI=true it fails the file, since
 * .ci/run installs every peer and a skip there would hide lost coverage.
 */
export const TOOLS = {
  socat: { program: 'socat', install: 'apt-get install -y socat' },
  'tftpd-hpa': { program: 'in.tftpd', install: 'apt-get install -y tftpd-hpa' },
  'tftp-hpa': { program: 'tftp', install: 'apt-get install -y tftp-hpa' },
  atftp: { program: 'atftp', install: 'apt-get install -y atftp' },
  busybox: { program: 'busybox', install: 'apt-get install -y busybox' },
  curl: { program: 'curl', install: 'apt-get install -y curl' },
  zip: { program: 'zip', install: 'apt-get install -y zip' },
  unzip: { program: 'unzip', install: 'apt-get install -y unzip' },
  tar: { program: 'tar', install: 'apt-get install -y tar' },
  script: { program: 'script', install: 'apt-get install -y bsdutils' },
  /** util-linux logger: a real syslog sender (RFC 3164 and 5424 over UDP). */
  logger: { program: 'logger', install: 'apt-get install -y bsdutils' },
  setpriv: { program: 'setpriv', install: 'apt-get install -y util-linux' },
  chromium: { program: 'chromium', install: 'apt-get install -y chromium' },
  /** With root: a raw socket sends a datagram from source port 0 (test/support/udp-port-zero.ts). */
  python3: { program: 'python3', install: 'apt-get install -y python3' },
  /** Root: mounting a tmpfs, binding port 69, creating network namespaces. */
  root: { program: undefined, install: 'run the tests as root (as .ci/run does in its container)' },
  /** Root, iproute2 and a kernel that lets us create a network namespace. */
  netns: { program: 'ip', install: 'run as root with iproute2 (apt-get install -y iproute2)' },
} as const;

export type Tool = keyof typeof TOOLS;

const SEARCH_EXTRA = ['/usr/sbin', '/sbin', '/usr/local/sbin'];

/** The path of an installed program, searched on PATH and the sbin folders, or undefined. */
export function findProgram(program: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...SEARCH_EXTRA];
  for (const dir of dirs) {
    const candidate = path.join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const probed = new Map<Tool, string | undefined>();

/** Why `tool` cannot be used here, or undefined when it can. Probes run once per process. */
export function missingTool(tool: Tool, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const cached = env === process.env;
  if (cached && probed.has(tool)) return probed.get(tool);
  const spec = TOOLS[tool];
  let reason: string | undefined;
  const isRoot = process.getuid?.() === 0;
  if (tool === 'root' || tool === 'netns') {
    if (!isRoot) reason = 'not running as root';
  }
  if (reason === undefined && spec.program !== undefined && findProgram(spec.program, env) === undefined) {
    reason = `${spec.program} is not installed`;
  }
  if (reason === undefined && tool === 'netns') {
    const name = `pbprobe${process.pid}`;
    const probe = spawnSync('ip', ['netns', 'add', name], { encoding: 'utf8' });
    if (probe.status !== 0) reason = `ip netns does not work here: ${(probe.stderr || String(probe.error ?? '')).trim()}`;
    else spawnSync('ip', ['netns', 'del', name]);
  }
  if (reason !== undefined) reason = `${reason} (${spec.install})`;
  if (cached) probed.set(tool, reason);
  return reason;
}

export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

/**
 * True when every tool is there. Otherwise: under CI=true throws (the test file fails, naming what is
 * missing); elsewhere prints why `purpose` is skipped and returns false, for `describe.runIf(...)`.
 */
export function requireTool(tools: Tool | Tool[], purpose: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const reasons = (Array.isArray(tools) ? tools : [tools]).map((tool) => missingTool(tool, env)).filter((r): r is string => r !== undefined);
  return requirePeer(reasons.length === 0 ? undefined : reasons.join('; '), purpose, env);
}

/** The same rule for a peer probed by the test itself: `missing` is why it cannot run, or undefined. */
export function requirePeer(missing: string | undefined, purpose: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (missing === undefined) return true;
  if (underCi(env)) {
    throw new Error(`CI=true and ${purpose} cannot run: ${missing}. .ci/run installs every test peer; a skip here would hide lost coverage.`);
  }
  console.warn(`[skip] ${purpose}: ${missing}`);
  return false;
}
