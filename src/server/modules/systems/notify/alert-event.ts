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

const label: Record<AlertEvent['kind'], string> = { down: 'DOWN', reminder: 'STILL DOWN', recovery: 'RECOVERED' };

export function alertTitle(e: AlertEvent): string {
  return `[${label[e.kind]}] ${e.system.name} (${e.system.id})`;
}

/** The plain-text body shared by email and chat formats. */
export function alertLines(e: AlertEvent): string[] {
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
