import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

// A web build of two files, as Vite lays it out: index.html and a fingerprinted script.
const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-web-'));
fs.mkdirSync(path.join(webRoot, 'assets'));
fs.writeFileSync(
  path.join(webRoot, 'index.html'),
  '<!doctype html><title>DistrictOps</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>',
);
fs.writeFileSync(path.join(webRoot, 'assets', 'index-Ab12Cd34.js'), `console.log(${JSON.stringify('x'.repeat(2000))});`);
// A script the build compressed ahead of time (tools/vite/precompress.ts): .br and .gz beside it.
const chunk = `export const words = ${JSON.stringify('bonjour hola hello '.repeat(200))};`;
const chunkPath = path.join(webRoot, 'assets', 'SystemsPage-Ef56Gh78.js');
fs.writeFileSync(chunkPath, chunk);
fs.writeFileSync(`${chunkPath}.br`, zlib.brotliCompressSync(chunk));
fs.writeFileSync(`${chunkPath}.gz`, zlib.gzipSync(chunk, { level: 9 }));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false, webRoot });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

describe('the web app’s files', () => {
  it('serves the page for any app route, never cached, with the document’s security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/systems' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>DistrictOps</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('names the board’s first reads in its answer to a signed-in browser, so they start with the script; nothing for anyone else', async () => {
    const signedIn = await t.app.inject({ method: 'GET', url: '/systems', headers: { cookie: 'dops_session=abc' } });
    expect(signedIn.headers.link).toBe('</api/me>; rel=preload; as=fetch; crossorigin, </api/status>; rel=preload; as=fetch; crossorigin');
    // Another signed-in page: who is signed in, and nothing of the board's.
    const people = await t.app.inject({ method: 'GET', url: '/people', headers: { cookie: 'dops_session=abc' } });
    expect(people.headers.link).toBe('</api/me>; rel=preload; as=fetch; crossorigin');
    // Signed out, or a public page: the visitor is sent to sign in, or reads nothing of an account's.
    expect((await t.app.inject({ method: 'GET', url: '/systems' })).headers.link).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/status', headers: { cookie: 'dops_session=abc' } })).headers.link).toBeUndefined();
  });

  it('serves fingerprinted scripts cached for good, without the headers only a document needs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    for (const name of ['content-security-policy', 'x-frame-options', 'cross-origin-opener-policy', 'referrer-policy', 'x-xss-protection'])
      expect(res.headers[name], name).toBeUndefined();
  });

  it('sends the build’s own brotli or gzip file to a browser that takes it, and the plain file to one that takes neither', async () => {
    const url = '/assets/SystemsPage-Ef56Gh78.js';
    const br = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-security-policy']).toBeUndefined();
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(chunk);
    // The very bytes written at build time: nothing compressed again per request.
    expect(br.rawPayload.equals(fs.readFileSync(`${chunkPath}.br`))).toBe(true);

    const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.equals(fs.readFileSync(`${chunkPath}.gz`))).toBe(true);

    const plain = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(chunk);

    // The compressed files are variants of the script, not addresses of their own.
    expect((await t.app.inject({ method: 'GET', url: `${url}.br` })).statusCode).toBe(404);
  });

  it('serves the files without authenticating them (no session or token lookup per script), while the API still does', async () => {
    const headers = { authorization: 'Bearer not-a-token', cookie: 'dops_session=not-a-session' };
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers });
    expect(asset.statusCode).toBe(200);
    const api = await t.app.inject({ method: 'GET', url: '/api/me', headers });
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe('invalid_token');
  });

  it('answers a missing asset with 404, not the page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/gone-0000.js' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
