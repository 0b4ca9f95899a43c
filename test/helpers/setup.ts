import net from 'node:net';

// Tests never reach the internet: any connection to a non-loopback address fails loudly.
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied with the socket as `this` below
const originalConnect = net.Socket.prototype.connect;
const loopback = /^(127\.|::1$|localhost$|::ffff:127\.)/;
net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; path?: string; port?: number } | number | string;
  const host =
    typeof first === 'object' && first !== null
      ? first.path
        ? 'localhost'
        : (first.host ?? 'localhost')
      : typeof args[1] === 'string'
        ? args[1]
        : 'localhost';
  if (!loopback.test(host)) throw new Error(`Test tried to reach ${host}: tests may only talk to loopback`);
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
};
