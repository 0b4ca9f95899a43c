import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../test/helpers/app';

let t: TestApp;
let it_: Client;
beforeAll(async () => {
  t = await createTestApp();
  it_ = await signIn(t.app, 'it@test.example.org');
});
afterAll(async () => t.close());

const sso = { id: 'sso', name: 'Single sign-on', category: 'identity', tier: 1, public: { en: 'Sign-in', es: 'Inicio de sesión' } };

describe('systems catalog', () => {
  it('creates systems and shows dependencies in both directions', async () => {
    const a = await it_.inject({ method: 'POST', url: '/api/systems', payload: sso });
    expect(a.statusCode).toBe(201);
    const b = await it_.inject({
      method: 'POST',
      url: '/api/systems',
      payload: {
        id: 'lms',
        name: 'Learning management system',
        category: 'lms',
        tier: 1,
        owner: 'it@test.example.org',
        dependsOn: ['sso'],
        checks: [{ type: 'tcp', host: '127.0.0.1', port: 443, interval: '60s' }],
      },
    });
    expect(b.statusCode).toBe(201);
    expect(b.json().system.ownerId).toBe(t.fixture.accounts.it!.id);
    expect(b.json().system.checks[0]).toMatchObject({ key: 'tcp', type: 'tcp', intervalMs: 60_000, state: 'unknown' });
    const lms = (await it_.inject({ method: 'GET', url: '/api/systems/lms' })).json();
    expect(lms.dependsOn).toEqual([{ id: 'sso', name: 'Single sign-on', kind: 'hard' }]);
    const got = (await it_.inject({ method: 'GET', url: '/api/systems/sso' })).json();
    expect(got.neededBy).toEqual([{ id: 'lms', name: 'Learning management system', kind: 'hard' }]);
    expect(got.publicName).toEqual({ en: 'Sign-in', es: 'Inicio de sesión' });
  });

  it('refuses a cycle, naming the path that closes it', async () => {
    const res = await it_.inject({ method: 'PUT', url: '/api/systems/sso', payload: { ...sso, id: undefined, dependsOn: ['lms'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('sso → lms → sso');
    expect(res.json().error.field).toBe('dependsOn.0');
    const three = await it_.inject({
      method: 'POST',
      url: '/api/systems',
      payload: { id: 'gradebook', name: 'Gradebook sync', dependsOn: ['lms'] },
    });
    expect(three.statusCode).toBe(201);
    const loop = await it_.inject({
      method: 'PUT',
      url: '/api/systems/sso',
      payload: { name: 'Single sign-on', dependsOn: [{ id: 'gradebook', kind: 'soft' }] },
    });
    expect(loop.json().error.message).toContain('sso → gradebook → lms → sso');
  });

  it('refuses unknown dependencies, duplicate ids, and deleting what others need', async () => {
    const unknown = await it_.inject({ method: 'POST', url: '/api/systems', payload: { id: 'sis', name: 'SIS', dependsOn: ['nope'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('unknown system "nope"');
    const dup = await it_.inject({ method: 'POST', url: '/api/systems', payload: sso });
    expect(dup.statusCode).toBe(409);
    const del = await it_.inject({ method: 'DELETE', url: '/api/systems/sso' });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toContain('"lms"');
    expect((await it_.inject({ method: 'DELETE', url: '/api/systems/gradebook' })).statusCode).toBe(200);
    expect((await it_.inject({ method: 'GET', url: '/api/systems/gradebook' })).statusCode).toBe(404);
  });

  it('validates checks: interval from 10 s, a proper URL', async () => {
    const fast = await it_.inject({
      method: 'POST',
      url: '/api/systems',
      payload: { id: 'web', name: 'Website', checks: [{ type: 'http', url: 'http://127.0.0.1/', interval: '5s' }] },
    });
    expect(fast.statusCode).toBe(400);
    expect(fast.json().error.field).toBe('checks.0.interval');
  });

  it('audits every write', async () => {
    const { rows } = await t.testDb.db.query<{ action: string; entity_id: string }>(
      "SELECT action, entity_id FROM audit_log WHERE entity_type = 'system' ORDER BY id",
    );
    expect(rows.map((r) => `${r.action}:${r.entity_id}`)).toEqual([
      'system.created:sso',
      'system.created:lms',
      'system.created:gradebook',
      'system.deleted:gradebook',
    ]);
  });

  it('lets readers read, and refuses writes to roles without systems.manage', async () => {
    const board = await signIn(t.app, 'board@test.example.org');
    expect((await board.inject({ method: 'GET', url: '/api/systems' })).json<{ items: { id: string }[] }>().items.map((s) => s.id)).toEqual(
      ['lms', 'sso'],
    );
    expect((await board.inject({ method: 'POST', url: '/api/systems', payload: { id: 'x', name: 'X' } })).statusCode).toBe(403);
    for (const who of ['teacherTess', 'guardianGia']) {
      const c = await signIn(t.app, `${who}@test.example.org`);
      expect((await c.inject({ method: 'GET', url: '/api/systems' })).statusCode).toBe(403);
      expect((await c.inject({ method: 'POST', url: '/api/systems', payload: { id: 'x', name: 'X' } })).statusCode).toBe(403);
      expect((await c.inject({ method: 'PUT', url: '/api/systems/sso', payload: { name: 'X' } })).statusCode).toBe(403);
      expect((await c.inject({ method: 'DELETE', url: '/api/systems/sso' })).statusCode).toBe(403);
      expect((await c.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml: 'systems: []' } })).statusCode).toBe(403);
      expect((await c.inject({ method: 'GET', url: '/api/systems/export' })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/systems' })).statusCode).toBe(401);
  });

  it('keeps districts apart', async () => {
    const other = await signIn(t.app, 'adminB@test.example.org');
    expect((await other.inject({ method: 'GET', url: '/api/systems' })).json().items).toEqual([]);
    expect((await other.inject({ method: 'GET', url: '/api/systems/sso' })).statusCode).toBe(404);
    expect((await other.inject({ method: 'POST', url: '/api/systems', payload: sso })).statusCode).toBe(201);
  });
});
