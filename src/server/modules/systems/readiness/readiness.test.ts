import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../../test/helpers/app';
import type { ReadinessBoard } from '../../../../shared/api/readiness';
import { defaultTemplate } from './template';

let t: TestApp;
let it_: Client;
beforeAll(async () => {
  t = await createTestApp();
  it_ = await signIn(t.app, 'it@test.example.org');
  const yaml = `systems:
  - { id: sso, name: Single sign-on, tier: 1, owner: admin@test.example.org }
  - { id: lms, name: Learning management system, tier: 2, dependsOn: [sso] }
  - { id: cafe, name: Cafeteria menus, tier: 3 }
`;
  const res = await it_.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml } });
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(async () => t.close());

const future = new Date().getUTCFullYear() + 2;

describe('back-to-school readiness', () => {
  it('applies the default checklist to tier-1 and tier-2 systems only, once', async () => {
    const created = await it_.inject({
      method: 'POST',
      url: '/api/readiness/years',
      payload: { schoolYear: future, firstDay: `${future - 1}-08-20` },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<ReadinessBoard>().systemsWithoutChecklist.map((s) => s.id)).toEqual(['sso', 'lms']);
    const dup = await it_.inject({
      method: 'POST',
      url: '/api/readiness/years',
      payload: { schoolYear: future, firstDay: `${future - 1}-08-21` },
    });
    expect(dup.statusCode).toBe(409);

    const applied = await it_.inject({ method: 'POST', url: `/api/readiness/years/${future}/apply-template`, payload: {} });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().created).toBe(2 * defaultTemplate.length);
    const board = applied.json<{ board: ReadinessBoard }>().board;
    expect(board.systems.map((s) => s.id)).toEqual(['sso', 'lms']);
    expect(board.systemsWithoutChecklist).toEqual([]);
    const sso = board.systems[0]!;
    // The system's owner account owns its items; a system without one falls to the caller.
    expect(sso.items.every((i) => i.owner.email === 'admin@test.example.org')).toBe(true);
    expect(board.systems[1]!.items.every((i) => i.owner.email === 'it@test.example.org')).toBe(true);
    expect(sso.items.every((i) => i.dueDate < `${future - 1}-08-20` && !i.late && i.done === null)).toBe(true);
    expect(sso.progress).toEqual({ total: defaultTemplate.length, done: 0, late: 0, completion: 0 });

    const again = await it_.inject({ method: 'POST', url: `/api/readiness/years/${future}/apply-template`, payload: {} });
    expect(again.json().created).toBe(0);
  });

  it('records evidence, computes completion, and refuses done without evidence', async () => {
    const board = (await it_.inject({ method: 'GET', url: `/api/readiness/years/${future}` })).json<ReadinessBoard>();
    const item = board.systems[1]!.items[0]!;
    const bare = await it_.inject({ method: 'PUT', url: `/api/readiness/items/${item.id}/done`, payload: { evidence: {} } });
    expect(bare.statusCode).toBe(400);
    const done = await it_.inject({
      method: 'PUT',
      url: `/api/readiness/items/${item.id}/done`,
      payload: { evidence: { text: 'Restored last night’s backup to staging', url: 'https://tickets.example.org/4411' } },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().done).toMatchObject({ by: 'it@test.example.org', evidence: { url: 'https://tickets.example.org/4411' } });
    const lms = (await it_.inject({ method: 'GET', url: `/api/readiness/years/${future}` })).json<ReadinessBoard>().systems[1]!;
    expect(lms.progress.done).toBe(1);
    expect(lms.progress.completion).toBeCloseTo(1 / defaultTemplate.length);
    const reopened = await it_.inject({ method: 'DELETE', url: `/api/readiness/items/${item.id}/done` });
    expect(reopened.json().done).toBeNull();
  });

  it('shows what is late: due date passed and not done', async () => {
    expect(
      (await it_.inject({ method: 'POST', url: '/api/readiness/years', payload: { schoolYear: 2021, firstDay: '2020-08-17' } })).statusCode,
    ).toBe(201);
    const owner = t.fixture.accounts.it!.id;
    const add = (title: string, dueDate: string, systemId = 'sso') =>
      it_.inject({ method: 'POST', url: '/api/readiness/years/2021/items', payload: { systemId, title, ownerId: owner, dueDate } });
    const late = await add('Wi-Fi survey of the new wing', '2020-08-01');
    expect(late.statusCode).toBe(201);
    expect(late.json().late).toBe(true);
    const kept = await add('Password reset desk staffed', '2020-08-03');
    await it_.inject({ method: 'PUT', url: `/api/readiness/items/${kept.json().id}/done`, payload: { evidence: { text: 'rota posted' } } });

    expect((await add('After the first day', '2020-08-17')).json().error.field).toBe('dueDate');
    expect((await add('Menus', '2020-08-01', 'cafe')).json().error.message).toContain('tier 3');

    const board = (await it_.inject({ method: 'GET', url: '/api/readiness/years/2021' })).json<ReadinessBoard>();
    expect(board.progress).toEqual({ total: 2, done: 1, late: 1, completion: 0.5 });
    expect(board.systems[0]!.items.filter((i) => i.late).map((i) => i.title)).toEqual(['Wi-Fi survey of the new wing']);
    const years = (await it_.inject({ method: 'GET', url: '/api/readiness/years' })).json<{ items: { schoolYear: number }[] }>();
    expect(years.items.map((y) => y.schoolYear)).toEqual([future, 2021]);

    const moved = await it_.inject({ method: 'PUT', url: '/api/readiness/years/2021', payload: { firstDay: '2020-08-02' } });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.message).toContain('Password reset desk staffed');
  });

  it('lets an item’s owner record it without systems.manage, and nobody else', async () => {
    const board = (await it_.inject({ method: 'GET', url: `/api/readiness/years/${future}` })).json<ReadinessBoard>();
    const principal = await signIn(t.app, 'principalNorth@test.example.org');
    const item = board.systems[0]!.items[0]!;
    const theirs = await it_.inject({
      method: 'PATCH',
      url: `/api/readiness/items/${item.id}`,
      payload: { ownerId: t.fixture.accounts.principalNorth!.id },
    });
    expect(theirs.statusCode).toBe(200);
    const other = board.systems[0]!.items[1]!;
    const evidence = { evidence: { text: 'done' } };
    expect((await principal.inject({ method: 'PUT', url: `/api/readiness/items/${other.id}/done`, payload: evidence })).statusCode).toBe(
      403,
    );
    expect((await principal.inject({ method: 'PUT', url: `/api/readiness/items/${item.id}/done`, payload: evidence })).statusCode).toBe(
      200,
    );
    expect((await principal.inject({ method: 'PATCH', url: `/api/readiness/items/${item.id}`, payload: { title: 'x' } })).statusCode).toBe(
      403,
    );
  });

  it('refuses teachers and guardians, and keeps districts apart', async () => {
    const board = (await it_.inject({ method: 'GET', url: `/api/readiness/years/${future}` })).json<ReadinessBoard>();
    const id = board.systems[0]!.items[2]!.id;
    for (const who of ['teacherTess', 'guardianGia']) {
      const c = await signIn(t.app, `${who}@test.example.org`);
      expect((await c.inject({ method: 'GET', url: `/api/readiness/years/${future}` })).statusCode).toBe(403);
      expect(
        (await c.inject({ method: 'POST', url: '/api/readiness/years', payload: { schoolYear: 2030, firstDay: '2029-08-20' } })).statusCode,
      ).toBe(403);
      expect((await c.inject({ method: 'POST', url: `/api/readiness/years/${future}/apply-template`, payload: {} })).statusCode).toBe(403);
      expect(
        (await c.inject({ method: 'PUT', url: `/api/readiness/items/${id}/done`, payload: { evidence: { text: 'x' } } })).statusCode,
      ).toBe(403);
      expect((await c.inject({ method: 'DELETE', url: `/api/readiness/items/${id}` })).statusCode).toBe(403);
    }
    const other = await signIn(t.app, 'adminB@test.example.org');
    expect((await other.inject({ method: 'GET', url: `/api/readiness/years/${future}` })).statusCode).toBe(404);
    expect((await other.inject({ method: 'DELETE', url: `/api/readiness/items/${id}` })).statusCode).toBe(404);
    expect((await it_.inject({ method: 'DELETE', url: `/api/readiness/items/${id}` })).statusCode).toBe(200);
  });

  it('offers as owners only the district’s accounts that can see the board, to managers only', async () => {
    const owners = await it_.inject({ method: 'GET', url: '/api/readiness/owners' });
    expect(owners.statusCode).toBe(200);
    const emails = owners.json<{ items: { email: string }[] }>().items.map((o) => o.email);
    expect(emails).toEqual(expect.arrayContaining(['admin@test.example.org', 'it@test.example.org', 'principalNorth@test.example.org']));
    for (const absent of ['teacherTess', 'guardianGia', 'studentAna', 'adminB']) expect(emails).not.toContain(`${absent}@test.example.org`);
    const principal = await signIn(t.app, 'principalNorth@test.example.org');
    expect((await principal.inject({ method: 'GET', url: '/api/readiness/owners' })).statusCode).toBe(403);
  });

  it('audits every write', async () => {
    const { rows } = await t.testDb.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action LIKE 'readiness.%' ORDER BY id",
    );
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        'readiness.year_created',
        'readiness.template_applied',
        'readiness.item_done',
        'readiness.item_reopened',
        'readiness.item_created',
        'readiness.item_updated',
        'readiness.item_deleted',
      ]),
    );
  });
});
