import type { Queryable } from '../../../db/client';
import type { JobQueue } from '../../../platform/jobs';
import { NOTIFY_QUEUE } from '../status/evaluate-district';
import type { IncidentAlertEvent } from './alert-event';

/** Queues an incident's alert for every channel of the district, in the caller's transaction (sent once, or not at all). */
export async function enqueueIncidentAlert(tx: Queryable, jobs: JobQueue, districtId: string, event: IncidentAlertEvent): Promise<void> {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM notification_channels WHERE district_id = $1 ORDER BY position', [
    districtId,
  ]);
  for (const c of rows) {
    await jobs.enqueue(NOTIFY_QUEUE, { channelId: c.id, event }, { districtId, maxAttempts: 5 }, tx);
  }
}
