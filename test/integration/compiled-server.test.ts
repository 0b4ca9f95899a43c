import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testEngine, type TestDb } from '../helpers/db';
import { reservePort } from '../helpers/port';
import { waitForHealth } from '../helpers/server-process';

// The rest of the suite runs the TypeScript sources; `npm start` runs the esbuild bundle, which
// bundles zod (trimmed) and loads the API documentation on demand. This builds a bundle of its own
// (dist/server is left to `npm start`) and talks to it as a browser would.
const root = path.resolve(import.meta.dirname, '../..');
const into = `dist/test-server-${randomBytes(4).toString('hex')}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-compiled-'));
let pgDb: TestDb | undefined;
let server: ChildProcess | undefined;
let base = '';
let stderr = '';

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build-server-if-needed.js', '--into', into], { cwd: root, encoding: 'utf8' });
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: 'UTC',
    LOG_LEVEL: 'warn',
    DEMO: '0',
    HOST: '127.0.0.1',
  };
  if (testEngine === 'postgres') {
    pgDb = await createTestDb();
    env.DATABASE_URL = pgDb.url;
  } else env.DATA_DIR = path.join(tmp, 'data');
  const port = await reservePort();
  env.PORT = String(port);
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(into, 'entry.js'), 'serve'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  await waitForHealth(base, server, () => stderr);
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await pgDb?.close();
  fs.rmSync(path.join(root, into), { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the compiled server (npm start)', () => {
  it('answers a bad request with the field zod found wrong', async () => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'not an address', password: 'x' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; field: string } }).error).toMatchObject({
      code: 'validation_failed',
      field: 'email',
    });
  });

  it('builds its API documentation on the first request', async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { description?: string }>>;
    };
    expect(doc.paths['/api/systems']!.get!.description).toContain('systems.read');
    const ui = await fetch(`${base}/api/docs/`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui-bundle.js');
  });

  it('has written nothing to its error output', () => {
    expect(stderr).toBe('');
  });
});
