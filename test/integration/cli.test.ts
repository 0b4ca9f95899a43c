import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openDb } from '../../src/server/db/client';
import { acquireDataDirLock } from '../../src/server/db/lock';
import { createTestDb, testEngine, type TestDb } from '../helpers/db';
import { runCli } from '../helpers/cli';

// The CLI opens the database itself: an embedded data directory, or a fresh PostgreSQL database.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dops-cli-'));
let pgDb: TestDb | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  if (testEngine === 'postgres') {
    pgDb = await createTestDb();
    env = { DATABASE_URL: pgDb.url! };
  } else {
    env = { DATA_DIR: path.join(tmp, 'data') };
  }
});
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function signInWith(email: string, password: string) {
  const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const app = await buildApp({ config: loadConfig({ ...env, LOG_LEVEL: 'silent' }), db, logger: false });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    await app.close();
    return res;
  } finally {
    await db.close();
  }
}

describe('districtops CLI', () => {
  it('explains itself with --help', async () => {
    const r = await runCli(['--help'], env);
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'demo', 'user', 'token', 'backup', 'restore']) expect(r.stdout).toContain(cmd);
    const add = await runCli(['user', 'add', '--help'], env);
    expect(add.stdout).toContain('--password-stdin');
    expect(add.stdout).toContain('--role <role>');
  });

  it('migrates an empty database', async () => {
    const r = await runCli(['migrate'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Applied 0001_core|up to date/);
    const again = await runCli(['migrate'], env);
    expect(again.stdout).toContain('up to date');
  });

  it('creates the first administrator and district, with a generated password that signs in', async () => {
    const r = await runCli(
      [
        'user',
        'add',
        '--district-name',
        'Maple Valley Schools',
        '--email',
        'cio@maple.example.org',
        '--name',
        'Chris Lee',
        '--role',
        'district_admin',
      ],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const password = /Password: (\S+)/.exec(r.stdout)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    const login = await signInWith('cio@maple.example.org', password);
    expect(login.statusCode).toBe(200);
    expect(login.json().me.districtName).toBe('Maple Valley Schools');
  });

  it('reads a chosen password from standard input and refuses a weak one', async () => {
    const weak = await runCli(
      ['user', 'add', '--email', 'it@maple.example.org', '--name', 'Sam', '--role', 'it_staff', '--password-stdin'],
      env,
      'short\n',
    );
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('at least 12 characters');
    const ok = await runCli(
      ['user', 'add', '--email', 'it@maple.example.org', '--name', 'Sam', '--role', 'it_staff', '--password-stdin'],
      env,
      'a good long password\n',
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toContain('Password:');
    expect((await signInWith('it@maple.example.org', 'a good long password')).statusCode).toBe(200);
  });

  it('refuses bad input with a one-line message naming the option', async () => {
    const role = await runCli(['user', 'add', '--email', 'x@maple.example.org', '--name', 'X', '--role', 'wizard'], env);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('--role: "wizard" is not one of');
    const dup = await runCli(['user', 'add', '--email', 'CIO@maple.example.org', '--name', 'X', '--role', 'board'], env);
    expect(dup.stderr).toContain('email: An account with this email already exists');
    const principal = await runCli(['user', 'add', '--email', 'p@maple.example.org', '--name', 'P', '--role', 'principal'], env);
    expect(principal.stderr).toContain('must be given a school');
  });

  it('prints a single-use reset link when no mail server is configured', async () => {
    const r = await runCli(['user', 'reset-password', '--email', 'cio@maple.example.org'], {
      ...env,
      PUBLIC_URL: 'https://ops.maple.example.org',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/https:\/\/ops\.maple\.example\.org\/reset-password\?token=\S+/);
    const unknown = await runCli(['user', 'reset-password', '--email', 'nobody@maple.example.org'], env);
    expect(unknown.code).toBe(1);
  });

  it('creates, lists and revokes API tokens', async () => {
    const created = await runCli(['token', 'create', '--name', 'Nightly SIS sync', '--role', 'it_staff'], env);
    expect(created.code).toBe(0);
    const id = /with id (\S+)\./.exec(created.stdout)![1]!;
    expect(created.stdout).toMatch(/dops_\S{20,}/);
    const list = await runCli(['token', 'list'], env);
    expect(list.stdout).toContain('Nightly SIS sync');
    expect(list.stdout).toContain('last used never');
    const revoked = await runCli(['token', 'revoke', id], env);
    expect(revoked.code).toBe(0);
    expect((await runCli(['token', 'list'], env)).stdout).toContain('revoked');
    const bogus = await runCli(['token', 'revoke', 'not-a-token'], env);
    expect(bogus.stderr).toContain('No token with id not-a-token');
  });

  it.runIf(testEngine === 'pglite')('refuses to open an embedded database another process holds', async () => {
    const lock = acquireDataDirLock(env.DATA_DIR!, 'serve');
    lock.setUrl('http://127.0.0.1:3999');
    try {
      const r = await runCli(['token', 'list'], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is in use by "districtops serve"');
      expect(r.stderr).toContain('http://127.0.0.1:3999');
    } finally {
      lock.release();
    }
  });

  it('refuses to start with a bad configuration, naming the variable', async () => {
    const r = await runCli(['migrate'], { ...env, PORT: 'eighty' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT');
  });
});
