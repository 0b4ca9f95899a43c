/** What an alert says, whatever the channel: built once by the evaluation, formatted per channel. */
export interface AlertEvent {
  kind: 'down' | 'reminder' | 'recovery';
  districtName: string;
  system: { id: string; name: string; tier: number };
  status: string;
  /** The systems it takes down with it (hard dependents), by name. */
  impacted: { id: string; name: string }[];
  /** What its checks said. */
  details: string[];
  since: string;
  at: string;
  incidentId: string | null;
}

/**
 * A person opened an incident, or resolved one they opened: staff hear of it through the same
 * channels as a system going down. (Incidents the evaluation opens are announced by its own alert.)
 */
export interface IncidentAlertEvent {
  kind: 'incident_opened' | 'incident_resolved';
  districtName: string;
  incident: {
    id: string;
    title: string;
    status: string;
    impact: string;
    systems: { id: string; name: string }[];
    /** The public update that came with it, in English. */
    message: string | null;
  };
  by: string;
  at: string;
}

export type AnyAlertEvent = AlertEvent | IncidentAlertEvent;

export const isIncidentAlert = (e: AnyAlertEvent): e is IncidentAlertEvent =>
  e.kind === 'incident_opened' || e.kind === 'incident_resolved';

const label: Record<AnyAlertEvent['kind'], string> = {
  down: 'DOWN',
  reminder: 'STILL DOWN',
  recovery: 'RECOVERED',
  incident_opened: 'INCIDENT',
  incident_resolved: 'INCIDENT RESOLVED',
};

export function alertTitle(e: AnyAlertEvent): string {
  if (isIncidentAlert(e)) return `[${label[e.kind]}] ${e.incident.title}`;
  return `[${label[e.kind]}] ${e.system.name} (${e.system.id})`;
}

/** Whether the alert brings good news (chat formats colour it). */
export const isGoodNews = (e: AnyAlertEvent) => e.kind === 'recovery' || e.kind === 'incident_resolved';

/** The plain-text body shared by email and chat formats. */
export function alertLines(e: AnyAlertEvent): string[] {
  if (isIncidentAlert(e)) return incidentLines(e);
  const lines: string[] = [];
  if (e.kind === 'recovery') {
    lines.push(`${e.system.name} is operational again (down since ${e.since}).`);
  } else {
    lines.push(`${e.system.name} (tier ${e.system.tier}) is ${e.status.replace('_', ' ')} since ${e.since}.`);
    lines.push(e.impacted.length ? `It takes down: ${e.impacted.map((s) => s.name).join(', ')}.` : 'No other system depends on it.');
  }
  for (const d of e.details) lines.push(`- ${d}`);
  if (e.incidentId) lines.push(`Incident: ${e.incidentId}`);
  return lines;
}

function incidentLines(e: IncidentAlertEvent): string[] {
  const systems = e.incident.systems.map((s) => s.name).join(', ');
  const lines =
    e.kind === 'incident_opened'
      ? [`${e.by} opened an incident (${e.incident.impact.replace('_', ' ')}, ${e.incident.status}) affecting: ${systems}.`]
      : [`${e.by} resolved the incident affecting: ${systems}.`];
  if (e.incident.message) lines.push(e.incident.message);
  lines.push(`Incident: ${e.incident.id}`);
  return lines;
}
