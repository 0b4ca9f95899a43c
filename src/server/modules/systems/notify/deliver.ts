import type { Mailer } from '../../../platform/mail';
import type { ChannelSpec } from '../../../../shared/api/systems';
import { alertLines, alertTitle, type AnyAlertEvent } from './alert-event';
import { webhookBody } from './webhook-formats';

const WEBHOOK_TIMEOUT_MS = 10_000;

/** Sends one alert to one channel; throws on failure so the job queue retries with backoff. */
export async function deliverAlert(channel: ChannelSpec, event: AnyAlertEvent, mailer: Mailer): Promise<'sent' | 'skipped'> {
  switch (channel.type) {
    case 'webhook': {
      const res = await fetch(channel.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'DistrictOps' },
        body: JSON.stringify(webhookBody(channel.format, event)),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        redirect: 'error',
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
      return 'sent';
    }
    case 'email': {
      const sent = await mailer.send({
        to: channel.to,
        subject: `${alertTitle(event)} — ${event.districtName}`,
        text: `${alertTitle(event)}\n\n${alertLines(event).join('\n')}\n`,
      });
      return sent ? 'sent' : 'skipped';
    }
  }
}
