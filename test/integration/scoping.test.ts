import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
const as: Record<string, Client> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const key of ['admin', 'it', 'coach', 'privacy', 'principalNorth', 'teacherTess', 'guardianGia', 'studentAna', 'board', 'adminB']) {
    as[key] = await signIn(t.app, `${key}@test.example.org`);
  }
});
afterAll(() => t.close());

async function studentNames(c: Client, query = 'role=student') {
  const res = await c.inject({ method: 'GET', url: `/api/people?${query}` });
  expect(res.statusCode).toBe(200);
  return res
    .json<{ items: { givenName: string }[] }>()
    .items.map((p) => p.givenName)
    .sort();
}

async function status(c: Client, url: string) {
  return (await c.inject({ method: 'GET', url })).statusCode;
}

describe('who sees which students', () => {
  it('district-wide roles see every student of their district and none of another', async () => {
    for (const key of ['admin', 'it', 'coach', 'privacy']) {
      expect(await studentNames(as[key]!)).toEqual(['Ana', 'Ben', 'Cal', 'Dee']);
    }
    expect(await studentNames(as.adminB!)).toEqual(['Zed']);
  });

  it('a principal sees their school only: a student of another school is 404', async () => {
    expect(await studentNames(as.principalNorth!)).toEqual(['Ana', 'Ben', 'Cal']);
    expect(await status(as.principalNorth!, `/api/people/${t.fixture.people.ana}`)).toBe(200);
    expect(await status(as.principalNorth!, `/api/people/${t.fixture.people.dee}`)).toBe(404);
  });

  it("a teacher sees only their classes' students", async () => {
    expect(await studentNames(as.teacherTess!)).toEqual(['Ana', 'Ben']);
    expect(await status(as.teacherTess!, `/api/people/${t.fixture.people.ben}`)).toBe(200);
    // Cal is at the same school but in another teacher's class.
    expect(await status(as.teacherTess!, `/api/people/${t.fixture.people.cal}`)).toBe(404);
    expect(await status(as.teacherTess!, `/api/people/${t.fixture.people.dee}`)).toBe(404);
    const classes = (await as.teacherTess!.inject({ method: 'GET', url: '/api/classes' })).json<{ items: { title: string }[] }>();
    expect(classes.items.map((c) => c.title)).toEqual(['Algebra I']);
    expect(await status(as.teacherTess!, `/api/classes/${t.fixture.classes.classTom}`)).toBe(404);
  });

  it('a guardian sees only their own children, across schools, and has no directory', async () => {
    expect(await status(as.guardianGia!, `/api/people/${t.fixture.people.ana}`)).toBe(200);
    expect(await status(as.guardianGia!, `/api/people/${t.fixture.people.dee}`)).toBe(200);
    expect(await status(as.guardianGia!, `/api/people/${t.fixture.people.ben}`)).toBe(404);
    expect(await status(as.guardianGia!, '/api/people')).toBe(403);
    const self = (await as.guardianGia!.inject({ method: 'GET', url: `/api/people/${t.fixture.people.gia}` })).json<{
      children: { name: string }[];
    }>();
    expect(self.children.map((c) => c.name).sort()).toEqual(['Ana Alvarez', 'Dee Diaz']);
  });

  it('a student sees their own record and no one else', async () => {
    expect(await status(as.studentAna!, `/api/people/${t.fixture.people.ana}`)).toBe(200);
    expect(await status(as.studentAna!, `/api/people/${t.fixture.people.ben}`)).toBe(404);
    expect(await status(as.studentAna!, '/api/people')).toBe(403);
  });

  it('a board member sees district summaries and no student record', async () => {
    const summary = await as.board!.inject({ method: 'GET', url: '/api/district/summary' });
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({ students: 4, schools: 2 });
    expect(await status(as.board!, `/api/people/${t.fixture.people.ana}`)).toBe(403);
    expect(await status(as.board!, '/api/people')).toBe(403);
    expect(await status(as.board!, '/api/classes')).toBe(403);
  });

  it('a user of district A never sees district B, even by id', async () => {
    expect(await status(as.admin!, `/api/people/${t.fixture.people.zed}`)).toBe(404);
    expect(await status(as.admin!, `/api/schools/${t.fixture.schools.hill}`)).toBe(404);
    expect(await status(as.adminB!, `/api/people/${t.fixture.people.ana}`)).toBe(404);
    const summary = (await as.adminB!.inject({ method: 'GET', url: '/api/district/summary' })).json<{ students: number }>();
    expect(summary.students).toBe(1);
    const audit = (await as.adminB!.inject({ method: 'GET', url: '/api/admin/audit' })).json<{ items: { actorLabel: string }[] }>();
    expect(audit.items.every((e) => !e.actorLabel.startsWith('admin@'))).toBe(true);
  });

  it('non-admin roles cannot reach administration', async () => {
    for (const key of ['it', 'coach', 'principalNorth', 'teacherTess', 'guardianGia', 'studentAna', 'board']) {
      expect(await status(as[key]!, '/api/admin/accounts')).toBe(403);
      expect(await status(as[key]!, '/api/admin/tokens')).toBe(403);
    }
    for (const key of ['it', 'coach', 'principalNorth', 'teacherTess', 'guardianGia', 'studentAna', 'board']) {
      expect(await status(as[key]!, '/api/admin/audit')).toBe(403);
    }
    expect(await status(as.privacy!, '/api/admin/audit')).toBe(200);
  });

  it('asks anonymous callers to sign in', async () => {
    for (const url of ['/api/people', `/api/people/${t.fixture.people.ana}`, '/api/schools', '/api/me', '/api/admin/audit']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('authentication_required');
    }
  });
});

describe('the people directory', () => {
  it('searches by name, id and email, filters and pages on the server', async () => {
    const byName = await as.admin!.inject({ method: 'GET', url: '/api/people?q=alva' });
    expect(
      byName
        .json<{ items: { givenName: string }[] }>()
        .items.map((p) => p.givenName)
        .sort(),
    ).toEqual(['Ana', 'Gia']);
    const byId = await as.admin!.inject({ method: 'GET', url: '/api/people?q=ID-ben' });
    expect(byId.json<{ items: { givenName: string }[] }>().items.map((p) => p.givenName)).toEqual(['Ben']);
    const grade = await as.admin!.inject({ method: 'GET', url: '/api/people?role=student&grade=09' });
    expect(
      grade
        .json<{ items: { givenName: string }[] }>()
        .items.map((p) => p.givenName)
        .sort(),
    ).toEqual(['Ana', 'Cal']);
    const page = (await as.admin!.inject({ method: 'GET', url: '/api/people?role=student&pageSize=3&page=2&sort=-name' })).json<{
      items: { givenName: string }[];
      total: number;
    }>();
    expect(page.total).toBe(4);
    expect(page.items.map((p) => p.givenName)).toEqual(['Ana']);
    const staff = (await as.admin!.inject({ method: 'GET', url: `/api/people?role=staff&schoolId=${t.fixture.schools.south}` })).json<{
      items: { givenName: string }[];
    }>();
    expect(staff.items.map((p) => p.givenName)).toEqual(['Uma']);
  });

  it('refuses a bad query with the field named', async () => {
    const res = await as.admin!.inject({ method: 'GET', url: '/api/people?pageSize=100000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('pageSize');
  });
});

describe('the audit log', () => {
  it("records every read of a student's record with who, what and from where", async () => {
    await as.teacherTess!.inject({ method: 'GET', url: `/api/people/${t.fixture.people.ben}`, headers: { 'user-agent': 'audit-test' } });
    const log = await as.admin!.inject({ method: 'GET', url: `/api/admin/audit?action=student.read&entityId=${t.fixture.people.ben}` });
    const items = log.json<{ items: { actorLabel: string; action: string; ip: string; entityId: string }[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items[0]).toMatchObject({ actorLabel: 'teacherTess@test.example.org', action: 'student.read', entityId: t.fixture.people.ben });
    expect(items[0]!.ip).toBeTruthy();
  });

  it('records a refused attempt as a denial, not as a read', async () => {
    const q = `actor=teacherTess@&entityId=${t.fixture.people.dee}`;
    const count = async (action: string) =>
      (await as.admin!.inject({ method: 'GET', url: `/api/admin/audit?action=${action}&${q}` })).json<{ total: number }>().total;
    const deniedBefore = await count('person.read_denied');
    await as.teacherTess!.inject({ method: 'GET', url: `/api/people/${t.fixture.people.dee}` });
    expect(await count('student.read')).toBe(0);
    expect(await count('person.read_denied')).toBe(deniedBefore + 1);
  });

  it('records writes and filters by person and date', async () => {
    await as.admin!.inject({ method: 'POST', url: '/api/admin/tokens', payload: { name: 'Audit me', role: 'board' } });
    const today = new Date().toISOString().slice(0, 10);
    const log = await as.admin!.inject({ method: 'GET', url: `/api/admin/audit?actor=admin@test&action=token.&from=${today}&to=${today}` });
    expect(log.json<{ items: { action: string }[] }>().items.map((i) => i.action)).toContain('token.created');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const none = await as.admin!.inject({ method: 'GET', url: `/api/admin/audit?action=token.&to=${yesterday}` });
    expect(none.json<{ total: number }>().total).toBe(0);
  });

  it('cannot be edited or deleted, even with SQL', async () => {
    await expect(t.testDb.db.query("UPDATE audit_log SET action = 'tampered'")).rejects.toThrow(/append-only/);
    await expect(t.testDb.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const methods = ['PUT', 'PATCH', 'DELETE'] as const;
    for (const method of methods) {
      const res = await as.admin!.inject({ method, url: '/api/admin/audit' });
      expect(res.statusCode).toBe(404);
    }
  });
});
