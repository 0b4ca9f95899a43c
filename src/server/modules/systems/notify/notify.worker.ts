import type { FastifyInstance } from 'fastify';
import type { ChannelSpec } from '../../../../shared/api/systems';
import { NOTIFY_QUEUE } from '../status/evaluate-district';
import type { AnyAlertEvent } from './alert-event';
import { deliverAlert } from './deliver';

/** A queued alert for one channel: a system's (from the evaluation) or an incident's (from a person). */
interface NotifyPayload {
  channelId: string;
  event: AnyAlertEvent;
}

/** Delivers queued alerts; a failed delivery is retried by the job queue with backoff. */
export function registerNotifyWorker(app: FastifyInstance): void {
  app.jobs.work<NotifyPayload>(
    NOTIFY_QUEUE,
    async (job) => {
      const { rows } = await app.db.query<{ spec: ChannelSpec }>(
        'SELECT spec FROM notification_channels WHERE id = $1 AND district_id = $2',
        [job.payload.channelId, job.districtId],
      );
      const channel = rows[0];
      if (!channel) return { skipped: 'the channel was removed' };
      return { result: await deliverAlert(channel.spec, job.payload.event, app.mailer) };
    },
    { concurrency: 4 },
  );
}
