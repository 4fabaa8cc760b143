/**
 * DHCP (RFC 2131/2132) packets: pure encode/decode, no sockets. Every field of an incoming packet is
 * checked here; the server only ever sees a decoded, well-formed packet or an error string.
 */

export const DHCP_MESSAGE_TYPES = {
  discover: 1,
  offer: 2,
  request: 3,
  decline: 4,
  ack: 5,
  nak: 6,
  release: 7,
  inform: 8,
} as const;
export type DhcpMessageType = keyof typeof DHCP_MESSAGE_TYPES;

/** Option codes this product reads or writes. */
export const OPT = {
  pad: 0,
  subnetMask: 1,
  router: 3,
  dns: 6,
  hostName: 12,
  requestedIp: 50,
  leaseTime: 51,
  overload: 52,
  messageType: 53,
  serverId: 54,
  paramList: 55,
  message: 56,
  vendorClass: 60,
  clientId: 61,
  tftpServerName: 66,
  ciscoTftpServers: 150,
  end: 255,
} as const;

const MAGIC_COOKIE = [99, 130, 83, 99] as const;
const FIXED_LENGTH = 236;
/** Smallest packet BOOTP clients accept; replies are padded up to it. */
const MIN_PACKET = 300;

export interface DhcpOption {
  code: number;
  data: Uint8Array;
}

export interface DhcpPacket {
  op: 1 | 2;
  htype: number;
  hlen: number;
  hops: number;
  xid: number;
  secs: number;
  flags: number;
  ciaddr: string;
  yiaddr: string;
  siaddr: string;
  giaddr: string;
  /** Hardware address, upper-case hex, no separators (hlen bytes). */
  chaddr: string;
  sname: string;
  file: string;
  /** In wire order, without pad and end. */
  options: DhcpOption[];
}

export type DecodeResult = { ok: true; packet: DhcpPacket } | { ok: false; reason: string };

export function decodeDhcp(bytes: Uint8Array): DecodeResult {
  if (bytes.length < FIXED_LENGTH + 4) return { ok: false, reason: `packet too short (${bytes.length} bytes)` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const op = bytes[0];
  if (op !== 1 && op !== 2) return { ok: false, reason: `bad op ${String(op)}` };
  const hlen = bytes[2] ?? 0;
  if (hlen > 16) return { ok: false, reason: `bad hardware address length ${hlen}` };
  for (let i = 0; i < 4; i++) {
    if (bytes[FIXED_LENGTH + i] !== MAGIC_COOKIE[i]) return { ok: false, reason: 'no DHCP magic cookie (plain BOOTP)' };
  }
  const options: DhcpOption[] = [];
  let at = FIXED_LENGTH + 4;
  let ended = false;
  while (at < bytes.length) {
    const code = bytes[at] ?? 0;
    if (code === OPT.pad) {
      at += 1;
      continue;
    }
    if (code === OPT.end) {
      ended = true;
      break;
    }
    const len = bytes[at + 1];
    if (len === undefined || at + 2 + len > bytes.length) return { ok: false, reason: `option ${code} runs past the end` };
    options.push({ code, data: bytes.slice(at + 2, at + 2 + len) });
    at += 2 + len;
  }
  if (!ended) return { ok: false, reason: 'options not terminated by END' };
  return {
    ok: true,
    packet: {
      op,
      htype: bytes[1] ?? 0,
      hlen,
      hops: bytes[3] ?? 0,
      xid: view.getUint32(4),
      secs: view.getUint16(8),
      flags: view.getUint16(10),
      ciaddr: ipAt(bytes, 12),
      yiaddr: ipAt(bytes, 16),
      siaddr: ipAt(bytes, 20),
      giaddr: ipAt(bytes, 24),
      chaddr: hex(bytes.subarray(28, 28 + hlen)),
      sname: cString(bytes.subarray(44, 108)),
      file: cString(bytes.subarray(108, 236)),
      options,
    },
  };
}

export function encodeDhcp(packet: DhcpPacket): Uint8Array {
  let optionBytes = 0;
  for (const option of packet.options) {
    if (option.data.length > 255) throw new Error(`option ${option.code} longer than 255 bytes`);
    optionBytes += 2 + option.data.length;
  }
  const length = Math.max(MIN_PACKET, FIXED_LENGTH + 4 + optionBytes + 1);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  out[0] = packet.op;
  out[1] = packet.htype;
  out[2] = packet.hlen;
  out[3] = packet.hops;
  view.setUint32(4, packet.xid >>> 0);
  view.setUint16(8, packet.secs);
  view.setUint16(10, packet.flags);
  out.set(ipBytes(packet.ciaddr), 12);
  out.set(ipBytes(packet.yiaddr), 16);
  out.set(ipBytes(packet.siaddr), 20);
  out.set(ipBytes(packet.giaddr), 24);
  out.set(unhex(packet.chaddr).subarray(0, 16), 28);
  out.set(ascii(packet.sname).subarray(0, 63), 44);
  out.set(ascii(packet.file).subarray(0, 127), 108);
  out.set(MAGIC_COOKIE, FIXED_LENGTH);
  let at = FIXED_LENGTH + 4;
  for (const option of packet.options) {
    out[at] = option.code;
    out[at + 1] = option.data.length;
    out.set(option.data, at + 2);
    at += 2 + option.data.length;
  }
  out[at] = OPT.end;
  return out;
}

// ---- typed option helpers ----

export function getOption(packet: DhcpPacket, code: number): Uint8Array | undefined {
  return packet.options.find((o) => o.code === code)?.data;
}

export function messageTypeOf(packet: DhcpPacket): DhcpMessageType | undefined {
  const data = getOption(packet, OPT.messageType);
  if (data?.length !== 1) return undefined;
  const entry = Object.entries(DHCP_MESSAGE_TYPES).find(([, v]) => v === data[0]);
  return entry?.[0] as DhcpMessageType | undefined;
}

export function ipOption(packet: DhcpPacket, code: number): string | undefined {
  const data = getOption(packet, code);
  return data?.length === 4 ? ipAt(data, 0) : undefined;
}

export function textOption(packet: DhcpPacket, code: number): string | undefined {
  const data = getOption(packet, code);
  return data === undefined ? undefined : String.fromCharCode(...data).replace(/\0+$/, '');
}

export function opt(code: number, data: Uint8Array | number[]): DhcpOption {
  return { code, data: data instanceof Uint8Array ? data : Uint8Array.from(data) };
}

export function ipsOpt(code: number, ips: string[]): DhcpOption {
  const data = new Uint8Array(ips.length * 4);
  ips.forEach((ip, i) => data.set(ipBytes(ip), i * 4));
  return { code, data };
}

export function u32Opt(code: number, value: number): DhcpOption {
  const data = new Uint8Array(4);
  new DataView(data.buffer).setUint32(0, value >>> 0);
  return { code, data };
}

export function textOpt(code: number, text: string): DhcpOption {
  return { code, data: ascii(text) };
}

// ---- addresses ----

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isIpv4(text: string): boolean {
  const m = IPV4.exec(text);
  return m !== null && m.slice(1).every((part) => Number(part) <= 255);
}

export function ipBytes(ip: string): Uint8Array {
  if (!isIpv4(ip)) throw new Error(`not an IPv4 address: ${ip}`);
  return Uint8Array.from(ip.split('.').map(Number));
}

export function ipToNumber(ip: string): number {
  const b = ipBytes(ip);
  return (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 0xff).join('.');
}

/** The subnet's broadcast address, e.g. 10.0.0.1/255.255.255.0 -> 10.0.0.255. */
export function directedBroadcast(ip: string, mask: string): string {
  return numberToIp((ipToNumber(ip) | ~ipToNumber(mask)) >>> 0);
}

export function sameSubnet(a: string, b: string, mask: string): boolean {
  const m = ipToNumber(mask);
  return ((ipToNumber(a) & m) >>> 0) === ((ipToNumber(b) & m) >>> 0);
}

function ipAt(bytes: Uint8Array, at: number): string {
  return [0, 1, 2, 3].map((i) => bytes[at + i] ?? 0).join('.');
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

function unhex(text: string): Uint8Array {
  const clean = text.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(Math.floor(clean.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function cString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  const slice = end < 0 ? bytes : bytes.subarray(0, end);
  return String.fromCharCode(...slice);
}
