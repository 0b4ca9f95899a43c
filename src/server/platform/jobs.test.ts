import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/helpers/db';
import { createJobQueue } from './jobs';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('job queue', () => {
  it('runs a job, records progress and its result', async () => {
    const q = createJobQueue(t.db);
    q.work<{ n: number }>('double', async (job, ctx) => {
      await ctx.progress({ done: 1, total: 1 });
      return { doubled: job.payload.n * 2 };
    });
    const id = await q.enqueue('double', { n: 21 });
    expect(await q.drain()).toBe(1);
    const job = await q.get(id);
    expect(job).toMatchObject({ state: 'completed', result: { doubled: 42 }, progress: { done: 1, total: 1 }, attempts: 1 });
  });

  it('retries a failing job and then puts it in the dead-letter state with the error', async () => {
    const q = createJobQueue(t.db, { backoffBaseMs: 0 });
    let calls = 0;
    q.work('flaky', async () => {
      calls++;
      throw new Error(`attempt ${calls} failed`);
    });
    const id = await q.enqueue('flaky', {}, { maxAttempts: 3 });
    await q.drain();
    const job = await q.get(id);
    expect(calls).toBe(3);
    expect(job).toMatchObject({ state: 'dead', attempts: 3, lastError: 'attempt 3 failed' });
  });

  it('survives a restart: a job left running by a dead worker runs again', async () => {
    const first = createJobQueue(t.db);
    const id = await first.enqueue('resumable', { step: 1 });
    // A worker claimed it and died before finishing.
    await t.db.query(
      "UPDATE jobs SET state = 'active', attempts = 1, locked_at = now() - interval '1 hour', locked_by = 'gone' WHERE id = $1",
      [id],
    );
    const second = createJobQueue(t.db, { staleAfterMs: 60_000, pollMs: 10 });
    let ran = false;
    second.work('resumable', async () => {
      ran = true;
      return 'ok';
    });
    await second.start();
    await second.drain();
    await second.stop();
    expect(ran).toBe(true);
    expect((await second.get(id))!.state).toBe('completed');
  });

  it('does not run a job before its time', async () => {
    const q = createJobQueue(t.db);
    q.work('later', async () => 'ran');
    const id = await q.enqueue('later', {}, { runAt: new Date(Date.now() + 3_600_000) });
    expect(await q.drain()).toBe(0);
    expect((await q.get(id))!.state).toBe('queued');
  });
});
