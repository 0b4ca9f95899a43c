import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  path: string;
  body: unknown;
}

/** A real HTTP server on loopback that keeps the JSON bodies posted to it. */
export async function startWebhookReceiver(): Promise<{
  url: string;
  received: ReceivedHook[];
  status: { code: number };
  close(): Promise<void>;
}> {
  const received: ReceivedHook[] = [];
  const status = { code: 200 };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      if (status.code < 300) received.push({ path: req.url ?? '', body: JSON.parse(raw) as unknown });
      res.writeHead(status.code).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    status,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
