import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../../test/helpers/app';
import { pageRange } from './board-first-paint-table';

// A web build laid out as Vite writes it: the stylesheet in the head, the app's root in the body.
const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-web-'));
fs.mkdirSync(path.join(webRoot, 'assets'));
fs.writeFileSync(
  path.join(webRoot, 'index.html'),
  `<!doctype html>
<html lang="en">
  <head>
    <title>DistrictOps</title>
    <script type="module" crossorigin src="/assets/index-Ab12Cd34.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/web-Ef56Gh78.css">
  </head>
  <body>
    <div id="root"><p>DistrictOps is loading…</p></div>
  </body>
</html>`,
);

let t: TestApp;
let it_: Client;

beforeAll(async () => {
  t = await createTestApp({ webRoot });
  it_ = await signIn(t.app, 'it@test.example.org');
  const yaml = `systems:
  - id: sso
    name: Single sign-on
    category: identity
    tier: 1
    owner: admin@test.example.org
    checks: [{ type: tcp, host: 127.0.0.1, port: 9, interval: 60s }]
  - id: lms
    name: Learning management system
    category: lms
    tier: 1
    dependsOn: [sso]
    checks: [{ type: tcp, host: 127.0.0.1, port: 9, interval: 60s }]
  - id: website
    name: "District <b>website</b> & blog"
    category: website
    tier: 3
    dependsOn: [{ id: sso, kind: soft }]
  - id: phones
    name: "Phones $& $' $$ lines"
    category: phones
    tier: 2
    checks: [{ type: tcp, host: 127.0.0.1, port: 9, interval: 60s }]
`;
  expect((await it_.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml } })).statusCode).toBe(200);
  // What the checks last said, as the scheduler records it: SSO down, the LMS and phones up.
  await t.testDb.db.query(`UPDATE system_checks SET state = CASE system_id WHEN 'sso' THEN 'down' ELSE 'up' END WHERE district_id = $1`, [
    t.fixture.districtA,
  ]);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

const open = (client: Client | undefined, url = '/systems', headers: Record<string, string> = {}) =>
  client ? client.inject({ method: 'GET', url, headers }) : t.app.inject({ method: 'GET', url, headers });

/** The first paint's part of the page, or undefined when the server drew none. */
function firstPaint(body: string): string | undefined {
  const start = body.indexOf('<div id="first-paint"');
  return start < 0 ? undefined : body.slice(start, body.indexOf('<div id="root"'));
}

/** The board's rows as a reader sees them: the system links in the table, top to bottom. */
const rowNames = (paint: string) => [...paint.matchAll(/<a class="fp-name" href="([^"]+)">([^<]*(?:<[^a][^<]*)*)<\/a>/g)].map((m) => m[1]);

describe('the systems board drawn into its HTML (first paint)', () => {
  it('gives a systems reader the board in the page itself: most urgent first, with links, counts and the cause', async () => {
    const res = await open(it_);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    // District data for one visitor: never stored by a cache on the way.
    expect(res.headers['cache-control']).toBe('private, no-store');
    const paint = firstPaint(res.body)!;
    expect(paint).toBeDefined();
    expect(rowNames(paint)).toEqual(['/systems/sso', '/systems/lms', '/systems/website', '/systems/phones']);
    expect(paint).toContain('Major outage');
    expect(paint).toMatch(/Impacted by <a href="\/systems\/sso">Single sign-on<\/a>/);
    expect(paint).toMatch(/Degraded by <a href="\/systems\/sso">Single sign-on<\/a>/);
    // The summary tiles filter the board as links: one down, one impacted, one degraded, one operational.
    expect(paint).toMatch(/href="\/systems\?status=down"[^>]*>[\s\S]*?<span>1<\/span>[\s\S]*?Down</);
    expect(paint).toContain('4 systems, most urgent first');
    expect(paint).toContain('aria-current="page">Systems</a>');
    // The app renders beside it, hidden, and its stylesheet follows the page instead of holding it back.
    expect(res.body).toContain('<div id="root" hidden>');
    expect(res.body.indexOf('rel="stylesheet"')).toBeGreaterThan(res.body.indexOf('id="first-paint"'));
    expect(res.body).toContain('<title>Systems · DistrictOps</title>');
  });

  it('escapes what people typed: a system named with markup is text, never a tag', async () => {
    const res = await open(it_);
    const paint = firstPaint(res.body)!;
    expect(paint).toContain('District &lt;b&gt;website&lt;/b&gt; &amp; blog');
    expect(paint).not.toContain('<b>website</b>');
    // Nor read as a replacement pattern while the page is put together.
    expect(paint).toContain(`Phones $&amp; $&#39; $$ lines`);
    expect(res.body.match(/<div id="root"/g)).toHaveLength(1);
  });

  it('shows the same rows as the app for the URL’s filters and page, and the graph view is left to the app', async () => {
    expect(rowNames(firstPaint((await open(it_, '/systems?status=down')).body)!)).toEqual(['/systems/sso']);
    expect(rowNames(firstPaint((await open(it_, '/systems?q=phone')).body)!)).toEqual(['/systems/phones']);
    expect(rowNames(firstPaint((await open(it_, '/systems?tier=1&category=lms')).body)!)).toEqual(['/systems/lms']);
    // A page past the last shows the last, as the app does.
    expect(rowNames(firstPaint((await open(it_, '/systems?page=9')).body)!)).toHaveLength(4);
    const none = firstPaint((await open(it_, '/systems?q=nothing-like-this')).body)!;
    expect(none).toContain('No system matches these filters.');
    // The search form keeps what was asked, so the page reads the same with or without the app.
    expect(firstPaint((await open(it_, '/systems?q=phone')).body)).toContain('name="q" class="fp-input" value="phone"');
    expect(firstPaint((await open(it_, '/systems?view=graph')).body)).toBeUndefined();
  });

  it('is in the account’s language', async () => {
    const spanish = await signIn(t.app, 'privacy@test.example.org');
    expect((await spanish.inject({ method: 'PATCH', url: '/api/me', payload: { language: 'es' } })).statusCode).toBe(200);
    const res = await open(spanish);
    expect(res.body).toContain('<html lang="es">');
    const paint = firstPaint(res.body)!;
    expect(paint).toContain('<h1 tabindex="-1">Sistemas</h1>');
    expect(paint).toContain('Afectado por <a href="/systems/sso">Single sign-on</a>');
    expect(paint).toContain('4 sistemas, los más urgentes primero');
  });

  it('shows managers the page’s buttons and readers none, and each the navigation their role allows', async () => {
    const manager = firstPaint((await open(it_)).body)!;
    expect(manager).toContain('Add a system');
    expect(manager).toContain('href="/api/systems/export"');
    const board = firstPaint((await open(await signIn(t.app, 'board@test.example.org'))).body)!;
    expect(board).toContain('Single sign-on');
    expect(board).not.toContain('Add a system');
    expect(board).not.toContain('href="/people"');
    expect(manager).toContain('href="/people"');
  });

  it('draws nothing for a visitor who may not read the board: signed out, an unknown session, a teacher, a guardian', async () => {
    const cases = [
      await open(undefined),
      await open(undefined, '/systems', { cookie: 'dops_session=not-a-session' }),
      await open(await signIn(t.app, 'teacherTess@test.example.org')),
      await open(await signIn(t.app, 'guardianGia@test.example.org')),
    ];
    for (const res of cases) {
      expect(res.statusCode).toBe(200);
      expect(firstPaint(res.body)).toBeUndefined();
      expect(res.body).not.toContain('Single sign-on');
      expect(res.body).toContain('<div id="root"><p>DistrictOps is loading…</p></div>');
    }
  });

  it('comes compressed in one piece to a browser that takes gzip, and names only who is signed in for preloading', async () => {
    const res = await open(it_, '/systems', { 'accept-encoding': 'gzip, br' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.rawPayload).toString()).toContain('Single sign-on');
    // The board's own data waits for the app: fetched beside the page, it slowed the page's painting.
    expect(res.headers.link).toBe('</api/me>; rel=preload; as=fetch; crossorigin');
  });
});

describe('the page links under the board', () => {
  it('lays pages out as Mantine’s Pagination does: one page each side of the current, the first and last always', () => {
    expect(pageRange(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageRange(1, 20)).toEqual([1, 2, 3, 4, 5, 'dots', 20]);
    expect(pageRange(10, 20)).toEqual([1, 'dots', 9, 10, 11, 'dots', 20]);
    expect(pageRange(20, 20)).toEqual([1, 'dots', 16, 17, 18, 19, 20]);
  });
});
