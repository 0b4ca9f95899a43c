import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSpecSchema, type CheckSpecInput } from '../../../../shared/api/systems';
import { startDnsServer } from '../../../../../test/helpers/dns-server';
import { startTlsServer } from '../../../../../test/helpers/tls-server';
import { runCheck, type LiveCheck } from './run-check';

let httpServer: http.Server;
let base: string;
let closedPort: number;

beforeAll(async () => {
  httpServer = http.createServer((req, res) => {
    if (req.url === '/health')
      return res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","db":{"up":true},"items":[{"n":3}]}');
    if (req.url === '/slow') return setTimeout(() => res.writeHead(200).end('slow but fine'), 300);
    if (req.url === '/hang') return; // never answers
    if (req.url === '/echo' && req.method === 'POST') return req.pipe(res);
    res.writeHead(503).end('maintenance');
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  httpServer.closeAllConnections();
  await new Promise<void>((resolve) => httpServer.close(() => resolve()));
});

function live(spec: CheckSpecInput, extra: Partial<LiveCheck> = {}): LiveCheck {
  return {
    id: 'c',
    districtId: 'd',
    systemId: 's',
    key: 'k',
    spec: checkSpecSchema.parse(spec),
    state: 'unknown',
    failures: 0,
    firstFailureAt: null,
    lastBeatAt: null,
    createdAt: Date.now(),
    ...extra,
  };
}

describe('HTTP checks', () => {
  it('passes on the expected status, body text and JSON path', async () => {
    const ok = await runCheck(
      live({
        type: 'http',
        url: `${base}/health`,
        expect: { status: '200-299', bodyContains: '"ok"', json: { path: '$.items[0].n', equals: 3 } },
      }),
      Date.now(),
    );
    expect(ok).toMatchObject({ ok: true, message: expect.stringMatching(/^HTTP 200 in \d+ ms$/) });
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    const nested = await runCheck(
      live({ type: 'http', url: `${base}/health`, expect: { json: { path: 'db.up', equals: true } } }),
      Date.now(),
    );
    expect(nested.ok).toBe(true);
  });

  it('fails on a wrong status, missing text, a JSON mismatch, a timeout and a refused connection', async () => {
    expect(await runCheck(live({ type: 'http', url: `${base}/down` }), Date.now())).toMatchObject({
      ok: false,
      message: 'HTTP 503, expected 200-299',
    });
    expect((await runCheck(live({ type: 'http', url: `${base}/down`, expect: { status: '500-599,200' } }), Date.now())).ok).toBe(true);
    expect((await runCheck(live({ type: 'http', url: `${base}/health`, expect: { bodyContains: 'nope' } }), Date.now())).message).toContain(
      'body lacks "nope"',
    );
    const json = await runCheck(
      live({ type: 'http', url: `${base}/health`, expect: { json: { path: '$.status', equals: 'degraded' } } }),
      Date.now(),
    );
    expect(json.message).toBe('$.status is "ok", expected "degraded"');
    const hang = await runCheck(live({ type: 'http', url: `${base}/hang`, timeout: '300ms' }), Date.now());
    expect(hang).toMatchObject({ ok: false, message: 'no answer within 300 ms' });
    expect((await runCheck(live({ type: 'http', url: `http://127.0.0.1:${closedPort}/` }), Date.now())).message).toContain('ECONNREFUSED');
  });

  it('calls a slow answer degraded, and sends the method and body asked for', async () => {
    const slow = await runCheck(live({ type: 'http', url: `${base}/slow`, expect: { maxLatency: '100ms' } }), Date.now());
    expect(slow).toMatchObject({ ok: true, degraded: true });
    expect(slow.message).toContain('slower than 100 ms');
    const post = await runCheck(
      live({ type: 'http', method: 'POST', url: `${base}/echo`, body: 'ping-42', expect: { bodyContains: 'ping-42' } }),
      Date.now(),
    );
    expect(post.ok).toBe(true);
  });
});

describe('TCP checks', () => {
  it('connects to an open port and fails on a closed one', async () => {
    const port = Number(new URL(base).port);
    expect((await runCheck(live({ type: 'tcp', host: '127.0.0.1', port }), Date.now())).ok).toBe(true);
    const closed = await runCheck(live({ type: 'tcp', host: '127.0.0.1', port: closedPort }), Date.now());
    expect(closed).toMatchObject({ ok: false });
    expect(closed.message).toContain(`127.0.0.1:${closedPort}`);
  });
});

describe('DNS checks against a loopback DNS server', () => {
  it('resolves record types and compares the expected value', async () => {
    const dns = await startDnsServer({
      'sso.example.org': { A: ['10.0.0.5'], TXT: ['v=spf1 -all'], MX: [{ priority: 10, exchange: 'mail.example.org' }] },
      'lms.example.org': { CNAME: ['lms.vendor.example.com'], AAAA: ['2001:db8::5'] },
    });
    try {
      const check = (spec: Omit<Extract<CheckSpecInput, { type: 'dns' }>, 'type' | 'resolver'>) =>
        runCheck(live({ type: 'dns', resolver: dns.address, timeout: '2s', ...spec }), Date.now());
      expect(await check({ host: 'sso.example.org', expect: '10.0.0.5' })).toMatchObject({
        ok: true,
        message: 'A sso.example.org → 10.0.0.5',
      });
      expect((await check({ host: 'sso.example.org', record: 'TXT', expect: 'v=spf1 -all' })).ok).toBe(true);
      expect((await check({ host: 'sso.example.org', record: 'MX', expect: 'mail.example.org' })).ok).toBe(true);
      expect((await check({ host: 'lms.example.org', record: 'CNAME', expect: 'lms.vendor.example.com.' })).ok).toBe(true);
      expect((await check({ host: 'lms.example.org', record: 'AAAA', expect: '2001:db8::5' })).ok).toBe(true);
      const wrong = await check({ host: 'sso.example.org', expect: '10.0.0.9' });
      expect(wrong).toMatchObject({ ok: false, message: 'A sso.example.org is 10.0.0.5, expected 10.0.0.9' });
      expect((await check({ host: 'nope.example.org' })).message).toContain('ENOTFOUND');
    } finally {
      await dns.close();
    }
  });
});

describe('TLS certificate checks', () => {
  it('is up with time to spare, degraded inside the warning, down once expired', async () => {
    const server = await startTlsServer(30);
    try {
      const spec = { type: 'tls', host: '127.0.0.1', port: server.port, warnDays: 14, verify: false } as const;
      const now = Date.now();
      expect(await runCheck(live(spec), now)).toMatchObject({ ok: true, message: expect.stringContaining('certificate valid until') });
      const soon = await runCheck(live(spec), now + 20 * 86_400_000);
      expect(soon).toMatchObject({ ok: true, degraded: true, message: expect.stringMatching(/^certificate expires in (9|10) days/) });
      expect(await runCheck(live(spec), now + 31 * 86_400_000)).toMatchObject({
        ok: false,
        message: expect.stringContaining('certificate expired on'),
      });
      const verified = await runCheck(live({ ...spec, verify: true }), now);
      expect(verified).toMatchObject({ ok: false, message: expect.stringContaining('self-signed') });
    } finally {
      await server.close();
    }
  });
});

describe('heartbeat checks', () => {
  it('passes until the interval and grace have gone by without a beat', async () => {
    const created = Date.parse('2025-09-01T02:00:00Z');
    const check = live({ type: 'heartbeat', interval: '1d', grace: '30m' }, { createdAt: created });
    expect((await runCheck(check, created + 86_400_000)).ok).toBe(true);
    expect(await runCheck(check, created + 86_400_000 + 31 * 60_000)).toMatchObject({ ok: false, message: 'no beat received yet' });
    check.lastBeatAt = created + 86_400_000;
    expect((await runCheck(check, created + 86_400_000 + 31 * 60_000)).ok).toBe(true);
  });
});
