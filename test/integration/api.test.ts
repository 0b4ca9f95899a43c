import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { createTestApp, type TestApp } from '../helpers/app';
import { testEngine } from '../helpers/db';
import { authPlugin } from '../../src/server/platform/http/auth.plugin';
import { errorsPlugin } from '../../src/server/platform/http/errors.plugin';
import '../../src/server/platform/http/types';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the API surface', () => {
  it('reports health and the engine in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: testEngine });
  });

  it('sends security headers on every response', async () => {
    for (const url of ['/api/health', '/api/nothing-here', '/']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found' });
    expect(res.json().error.requestId).toBe(res.headers['x-request-id']);
  });

  it('publishes an OpenAPI 3.1 document that names each route and its permission', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, { description?: string; responses: object }>> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/people/{id}']!.get!.description).toContain('students.read');
    expect(Object.keys(doc.paths['/api/auth/login']!.post!.responses)).toContain('200');
    expect(doc.paths['/metrics']!.get!.description).toContain('systems.read');
  });

  it('serves Swagger UI, its files and the document it reads, under our CSP', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    expect(docs.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(docs.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const script = /src="\.\/(static\/swagger-ui-bundle\.js)"/.exec(docs.body)?.[1];
    expect(script).toBeDefined();
    const bundle = await t.app.inject({ method: 'GET', url: `/api/docs/${script}` });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toContain('javascript');
    expect(bundle.body.length).toBeGreaterThan(100_000);
    const json = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.json<{ paths: Record<string, unknown> }>().paths['/api/auth/login']).toBeDefined();
  });
});

describe('permissions are declared', () => {
  it('refuses to start when an /api route declares no permission', async () => {
    const app = Fastify({ logger: false });
    app.decorate('db', t.testDb.db);
    app.decorate('config', t.config);
    await app.register(errorsPlugin);
    await app.register(authPlugin);
    expect(() => app.get('/api/forgotten', async () => ({ ok: true }))).toThrow(/GET \/api\/forgotten declares no valid permission/);
    await app.close();
  });

  it('hides internals of unexpected errors behind a 500 with a request id', async () => {
    const app = Fastify({ logger: false });
    app.decorate('db', t.testDb.db);
    app.decorate('config', t.config);
    await app.register(errorsPlugin);
    await app.register(authPlugin);
    app.get('/api/boom', { config: { permission: 'public' } }, async () => {
      throw new Error('secret connection string postgres://x');
    });
    const res = await app.inject({ method: 'GET', url: '/api/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal_error');
    expect(res.body).not.toContain('secret');
    expect(res.json().error.requestId).toBeTruthy();
    await app.close();
  });
});
