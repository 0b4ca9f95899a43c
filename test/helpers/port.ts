import net, { type AddressInfo } from 'node:net';

/** A port that was free a moment ago, for a server whose own URL must be configured before it listens. */
export async function reservePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => probe.close((err) => (err ? reject(err) : resolve())));
  return port;
}
