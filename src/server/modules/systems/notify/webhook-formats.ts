import type { ChannelSpec } from '../../../../shared/api/systems';
import { alertLines, alertTitle, isGoodNews, isIncidentAlert, type AnyAlertEvent } from './alert-event';

type WebhookFormat = Extract<ChannelSpec, { type: 'webhook' }>['format'];

/** The request body each chat product accepts on its incoming-webhook URL. */
export function webhookBody(format: WebhookFormat, e: AnyAlertEvent): unknown {
  const title = alertTitle(e);
  const lines = alertLines(e);
  switch (format) {
    case 'generic':
      if (isIncidentAlert(e)) {
        return {
          event: e.kind === 'incident_opened' ? 'incident.opened' : 'incident.resolved',
          district: e.districtName,
          incident: e.incident,
          by: e.by,
          at: e.at,
          text: `${title}\n${lines.join('\n')}`,
        };
      }
      return {
        event: `system.${e.kind}`,
        district: e.districtName,
        system: e.system,
        status: e.status,
        impacted: e.impacted,
        details: e.details,
        since: e.since,
        at: e.at,
        incidentId: e.incidentId,
        text: `${title}\n${lines.join('\n')}`,
      };
    case 'slack':
      return { text: `*${title}*\n${lines.join('\n')}` };
    case 'google-chat':
      return { text: `*${title}*\n${lines.join('\n')}` };
    case 'teams':
      // Teams workflows ("When a Teams webhook request is received") take an Adaptive Card message.
      return {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              type: 'AdaptiveCard',
              version: '1.4',
              body: [
                {
                  type: 'TextBlock',
                  text: title,
                  weight: 'Bolder',
                  size: 'Medium',
                  wrap: true,
                  color: isGoodNews(e) ? 'Good' : 'Attention',
                },
                ...lines.map((text) => ({ type: 'TextBlock', text, wrap: true })),
              ],
            },
          },
        ],
      };
  }
}
