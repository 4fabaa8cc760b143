import { execFileSync } from 'node:child_process';

/**
 * Sends one UDP datagram whose source port is 0, which no ordinary socket can do: a raw socket (root) writes the
 * UDP header itself. `from` is the source address (a loopback address). Needs requireTool(['root', 'python3']).
 */
export function sendFromPortZero(payload: Uint8Array, to: { address: string; port: number }, from = '127.0.0.1'): void {
  const script = [
    'import socket, struct, sys',
    'payload = bytes.fromhex(sys.argv[1])',
    'header = struct.pack("!HHHH", 0, int(sys.argv[3]), 8 + len(payload), 0)',
    's = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_UDP)',
    's.bind((sys.argv[4], 0))',
    's.sendto(header + payload, (sys.argv[2], 0))',
  ].join('\n');
  execFileSync('python3', ['-c', script, Buffer.from(payload).toString('hex'), to.address, String(to.port), from], { stdio: 'pipe' });
}
