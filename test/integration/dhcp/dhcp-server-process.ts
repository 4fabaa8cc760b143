/**
 * Runs a BenchDhcpServer in this process and prints its events as JSON lines; the netns test starts it inside
 * the server namespace with `ip netns exec`. Options come as one JSON argument. Exits when stdin closes.
 */
import { BenchDhcpServer } from '../../../electron/engine/dhcp/bench-dhcp-server';

const options = JSON.parse(process.argv[2] ?? '{}');
const server = await BenchDhcpServer.start(options);
server.onEvent((event) => process.stdout.write(`${JSON.stringify(event)}\n`));
process.stdout.write(`${JSON.stringify({ kind: 'listening', port: server.port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
