import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../shared/api/system-views';
import { createTestApp, signIn, type Client, type TestApp } from '../../../../test/helpers/app';
import { runCli } from '../../../../test/helpers/cli';
import { createTestDb, testEngine, type TestDb } from '../../../../test/helpers/db';
import { openDb } from '../../db/client';
import { migrate } from '../../db/migrate';

// The example file, pointed at loopback.
export const exampleYaml = `systems:
  - id: sso
    name: Single sign-on
    category: identity
    tier: 1
    public: { en: Sign-in, es: Inicio de sesión }
    checks:
      - type: http
        url: http://127.0.0.1:9/health
        interval: 60s
        expect: { status: 200-299, maxLatency: 2s }
  - id: lms
    name: Learning management system
    tier: 1
    dependsOn: [sso]
    checks:
      - { type: tcp, host: 127.0.0.1, port: 9, interval: 60s }
  - id: sync
    name: SIS to LMS sync
    tier: 2
    dependsOn: [lms, { id: sso, kind: soft }]
    checks:
      - { type: heartbeat, interval: 1d, grace: 30m }
notifications:
  - { type: webhook, url: "http://127.0.0.1:9/it", format: teams }
  - { type: email, to: [it-alerts@example.org], remindEvery: 2h }
`;

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, 'admin@test.example.org');
});
afterAll(async () => t.close());

const importYaml = (yaml: string) =>
  admin.inject({ method: 'POST', url: '/api/systems/import', headers: { 'content-type': 'application/yaml' }, payload: yaml });

describe('systems as config-as-code', () => {
  it('imports the example file, then import → export → import changes nothing', async () => {
    const first = await importYaml(exampleYaml);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: ['sso', 'lms', 'sync'], updated: [], notificationsReplaced: true });
    expect(first.json().heartbeats).toEqual([
      { systemId: 'sync', check: 'heartbeat', path: expect.stringMatching(/^\/api\/heartbeat\/[\w-]{20,}$/) },
    ]);

    const exported = await admin.inject({ method: 'GET', url: '/api/systems/export' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('application/yaml');
    const text = exported.body;
    expect(text).toContain('maxLatency: 2s');
    // Defaults (a 60 s interval) are left out, as a person would write it.
    expect(text).not.toContain('interval: 1m');
    expect(text).toContain('interval: 1d');

    const again = await admin.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml: text } });
    expect(again.json()).toMatchObject({ created: [], updated: [], deleted: [], notificationsReplaced: false, heartbeats: [] });
    expect(again.json<ImportResult>().unchanged.sort()).toEqual(['lms', 'sso', 'sync']);
    expect((await admin.inject({ method: 'GET', url: '/api/systems/export' })).body).toBe(text);
    const sync = (await admin.inject({ method: 'GET', url: '/api/systems/sync' })).json();
    expect(sync.dependsOn).toEqual([
      { id: 'lms', name: 'Learning management system', kind: 'hard' },
      { id: 'sso', name: 'Single sign-on', kind: 'soft' },
    ]);
  });

  it('updates what changed and keeps the rest', async () => {
    const changed = exampleYaml.replace('tier: 2', 'tier: 3');
    const r = (await importYaml(changed)).json();
    expect(r.updated).toEqual(['sync']);
    // The heartbeat check did not change: its secret URL stays valid.
    expect(r.heartbeats).toEqual([]);
  });

  it('refuses a bad file naming the line and field, and changes nothing', async () => {
    const before = (await admin.inject({ method: 'GET', url: '/api/systems/export' })).body;
    const bad = exampleYaml.replace('new-system-placeholder', '').replace('tier: 1\n    dependsOn: [sso]', 'tier: 7\n    dependsOn: [sso]');
    const res = await importYaml(`${bad}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^line 14, systems\.1\.tier: /);
    expect(res.json().error.details).toEqual({ line: 14, column: 11 });

    const badUrl = exampleYaml.replace('url: http://127.0.0.1:9/health', 'url: not a url');
    expect((await importYaml(badUrl)).json().error.message).toMatch(/^line 9, systems\.0\.checks\.0\.url: /);

    const syntax = (await importYaml('systems:\n  - id: a\n   name: b\n')).json();
    expect(syntax.error.message).toMatch(/^line 3/);

    // The first system is valid and new, the cycle is found later: still nothing is written.
    const cycle = `systems:\n  - { id: newone, name: New }\n  - id: sso\n    name: Single sign-on\n    dependsOn: [sync]\n`;
    const c = (await importYaml(cycle)).json();
    expect(c.error.message).toBe('line 5, systems.1.dependsOn.0: dependency cycle: sso → sync → lms → sso');
    expect((await admin.inject({ method: 'GET', url: '/api/systems/newone' })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'GET', url: '/api/systems/export' })).body).toBe(before);
  });

  it('prunes systems the file does not name only when asked', async () => {
    const onlySso = 'systems:\n  - { id: sso, name: Single sign-on }\n';
    const refused = await importYaml(onlySso.replace('sso, name', 'other, name'));
    expect(refused.json().created).toEqual(['other']);
    const pruned = await admin.inject({
      method: 'POST',
      url: '/api/systems/import?prune=true',
      headers: { 'content-type': 'application/yaml' },
      payload: onlySso,
    });
    expect(pruned.statusCode).toBe(200);
    expect(pruned.json<ImportResult>().deleted.sort()).toEqual(['lms', 'other', 'sync']);
    expect((await admin.inject({ method: 'GET', url: '/api/systems' })).json<{ items: { id: string }[] }>().items.map((s) => s.id)).toEqual(
      ['sso'],
    );
  });
});

describe('npx districtops systems import / export', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-systems-cli-'));
  let pg: TestDb | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    if (testEngine === 'postgres') {
      pg = await createTestDb();
      env = { DATABASE_URL: pg.url! };
    } else {
      env = { DATA_DIR: path.join(tmp, 'data') };
    }
    const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    await migrate(db);
    await db.query("INSERT INTO districts (name, sourced_id) VALUES ('Maple District', 'maple')");
    await db.close();
  });
  afterAll(async () => {
    await pg?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports a file, exports it, and re-imports it unchanged', async () => {
    const file = path.join(tmp, 'systems.yaml');
    fs.writeFileSync(file, exampleYaml);
    const imported = await runCli(['systems', 'import', file], env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Maple District: 3 created (sso, lms, sync)');
    expect(imported.stdout).toMatch(/Heartbeat URL for sync\/heartbeat \(shown only now\): <server>\/api\/heartbeat\//);
    const out = path.join(tmp, 'out.yaml');
    expect((await runCli(['systems', 'export', out], env)).code).toBe(0);
    const again = await runCli(['systems', 'import', out], env);
    expect(again.stdout).toContain('0 created, 0 updated, 3 unchanged, 0 deleted');
    const bad = path.join(tmp, 'bad.yaml');
    fs.writeFileSync(bad, 'systems:\n  - id: Not A Slug\n    name: x\n');
    const refused = await runCli(['systems', 'import', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bad.yaml: line 2, systems.0.id: must be a slug');
    // Four CLI processes, each opening the database: slow on a busy machine.
  }, 180_000);
});
