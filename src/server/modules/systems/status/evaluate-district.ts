import type { Db, Queryable } from '../../../db/client';
import type { JobQueue } from '../../../platform/jobs';
import type { ChannelSpec, CheckState, SystemStatus } from '../../../../shared/api/systems';
import { insertIncident, insertIncidentUpdate } from '../incidents/incident-writes';
import type { AlertEvent } from '../notify/alert-event';
import { deriveHealth, type SystemHealth } from './blast-radius';
import { loadMaintenanceWindows, systemsInMaintenance } from './maintenance';

export const NOTIFY_QUEUE = 'systems.notify';

export interface NotifyJob {
  channelId: string;
  event: AlertEvent;
}

interface AlertStateRow {
  system_id: string;
  status: SystemStatus;
  alert_open: boolean;
  alert_opened_at: Date | null;
  incident_id: string | null;
}

interface Loaded {
  districtName: string;
  systems: { id: string; name: string; tier: number; public_name_en: string | null; public_name_es: string | null }[];
  dependencies: { system_id: string; depends_on: string; kind: 'hard' | 'soft' }[];
  checks: { system_id: string; key: string; state: CheckState; first_failure_at: Date | null; last_message: string | null }[];
  states: Map<string, AlertStateRow>;
  channels: { id: string; spec: ChannelSpec; last_reminded: Record<string, string> }[];
}

async function load(tx: Queryable, districtId: string): Promise<Loaded> {
  const q = async <T>(sql: string) => (await tx.query<T>(sql, [districtId])).rows;
  const [district] = await q<{ name: string }>('SELECT name FROM districts WHERE id = $1');
  return {
    districtName: district?.name ?? '',
    systems: await q('SELECT id, name, tier, public_name_en, public_name_es FROM systems WHERE district_id = $1 ORDER BY tier, id'),
    dependencies: await q('SELECT system_id, depends_on, kind FROM system_dependencies WHERE district_id = $1'),
    checks: await q(
      'SELECT system_id, key, state, first_failure_at, last_message FROM system_checks WHERE district_id = $1 ORDER BY position',
    ),
    states: new Map(
      (
        await q<AlertStateRow>(
          'SELECT system_id, status, alert_open, alert_opened_at, incident_id FROM system_alert_states WHERE district_id = $1',
        )
      ).map((r) => [r.system_id, r]),
    ),
    channels: await q('SELECT id, spec, last_reminded FROM notification_channels WHERE district_id = $1 ORDER BY position'),
  };
}

export interface EvaluateDeps {
  db: Db;
  jobs: JobQueue;
}

/**
 * Derives every system's status and speaks on changes only: an alert when a system becomes a
 * root cause (never for the systems it takes down — their checks still run and their
 * recovery is still told), reminders no more often than each channel asks, one recovery
 * message, and an incident for tier 1 and 2. Alerts are queued in the same transaction as the
 * state that records them, so a crash cannot send twice or lose one.
 */
export async function evaluateDistrict(
  deps: EvaluateDeps,
  districtId: string,
  now: number,
): Promise<{ health: Map<string, SystemHealth>; changed: boolean }> {
  const at = new Date(now);
  return deps.db.transaction(async (tx) => {
    // Two evaluations of one district (a check result and the periodic sweep) must not interleave.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`systems:${districtId}`]);
    const d = await load(tx, districtId);
    const health = deriveHealth({ ...d, inMaintenance: systemsInMaintenance(await loadMaintenanceWindows(tx, districtId), now) });
    const events: { event: AlertEvent; channels: 'all' | string[] }[] = [];

    // Every status that moved, in one statement: on a thousand systems, one round trip, not a thousand.
    const moved = d.systems.filter((s) => d.states.get(s.id)?.status !== health.get(s.id)!.status);
    if (moved.length > 0) {
      await tx.query(
        `INSERT INTO system_alert_states (district_id, system_id, status, status_since)
         SELECT $1, u.id, u.status, $3 FROM unnest($2::text[], $4::text[]) AS u(id, status)
         ON CONFLICT (district_id, system_id) DO UPDATE SET status = EXCLUDED.status, status_since = EXCLUDED.status_since`,
        [districtId, moved.map((s) => s.id), at, moved.map((s) => health.get(s.id)!.status)],
      );
    }
    // Indexes, so the loop below stays linear in the number of systems and checks.
    const checksOf = groupBy(d.checks, (c) => [c.system_id]);
    const impactedOf = groupBy(
      d.systems.map((o) => ({ id: o.id, name: o.name })),
      (o) => health.get(o.id)!.impactedBy,
    );

    for (const s of d.systems) {
      const h = health.get(s.id)!;
      const prev = d.states.get(s.id);
      const mine = checksOf.get(s.id) ?? [];
      const failing = mine.filter((c) => c.state === 'down');
      const firstFailure = Math.min(now, ...failing.map((c) => c.first_failure_at?.getTime() ?? now));
      const impacted = impactedOf.get(s.id) ?? [];
      const event = (kind: AlertEvent['kind'], since: number): AlertEvent => ({
        kind,
        districtName: d.districtName,
        system: { id: s.id, name: s.name, tier: s.tier },
        status: h.status,
        impacted,
        details: (kind === 'recovery' ? mine : failing).map((c) => `${c.key}: ${c.last_message ?? c.state}`),
        since: new Date(since).toISOString(),
        at: at.toISOString(),
        incidentId: prev?.incident_id ?? null,
      });

      if (h.isRootCause && !prev?.alert_open) {
        const incidentId =
          s.tier <= 2
            ? await insertIncident(tx, {
                districtId,
                // Incident titles reach the status page: public names, never the internal one.
                titleEn: `${s.public_name_en ?? s.name} is unavailable`,
                titleEs: `${s.public_name_es ?? s.name} no está disponible`,
                impact: h.status === 'partial_outage' ? 'partial_outage' : 'major_outage',
                rootSystemId: s.id,
                automatic: true,
                startedAt: new Date(firstFailure),
                detectedAt: at,
                systemIds: [s.id, ...impacted.map((i) => i.id)],
                messageEn: 'We are investigating a problem with this service.',
                messageEs: 'Estamos investigando un problema con este servicio.',
                authorLabel: 'DistrictOps',
              })
            : null;
        await tx.query(
          `UPDATE system_alert_states SET alert_open = true, alert_opened_at = $3, last_notified_at = $3, incident_id = $4
            WHERE district_id = $1 AND system_id = $2`,
          [districtId, s.id, at, incidentId],
        );
        events.push({ event: { ...event('down', firstFailure), incidentId }, channels: 'all' });
      } else if (h.isRootCause && prev?.alert_open) {
        const due = d.channels.filter((c) => {
          if (c.spec.remindEvery === undefined) return false;
          const last = Date.parse(c.last_reminded[s.id] ?? '') || prev.alert_opened_at?.getTime() || now;
          return now - last >= c.spec.remindEvery;
        });
        for (const c of due) {
          c.last_reminded[s.id] = at.toISOString();
          await tx.query('UPDATE notification_channels SET last_reminded = $2 WHERE id = $1', [c.id, JSON.stringify(c.last_reminded)]);
        }
        if (due.length) events.push({ event: event('reminder', prev.alert_opened_at?.getTime() ?? now), channels: due.map((c) => c.id) });
      } else if (prev?.alert_open && (h.own === 'operational' || h.own === 'degraded')) {
        await tx.query(
          'UPDATE system_alert_states SET alert_open = false, last_notified_at = $3, incident_id = NULL WHERE district_id = $1 AND system_id = $2',
          [districtId, s.id, at],
        );
        await resolveAutomaticIncident(tx, districtId, prev.incident_id, at);
        events.push({ event: event('recovery', prev.alert_opened_at?.getTime() ?? now), channels: 'all' });
        for (const c of d.channels) {
          if (!(s.id in c.last_reminded)) continue;
          delete c.last_reminded[s.id];
          await tx.query('UPDATE notification_channels SET last_reminded = $2 WHERE id = $1', [c.id, JSON.stringify(c.last_reminded)]);
        }
      }
    }

    for (const { event, channels } of events) {
      for (const c of d.channels) {
        if (channels !== 'all' && !channels.includes(c.id)) continue;
        await deps.jobs.enqueue(NOTIFY_QUEUE, { channelId: c.id, event } satisfies NotifyJob, { districtId, maxAttempts: 5 }, tx);
      }
    }
    return { health, changed: moved.length > 0 || events.length > 0 };
  });
}

function groupBy<T>(items: T[], keysOf: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/** An incident opened by the evaluation closes itself on recovery; one a person opened is theirs to close. */
async function resolveAutomaticIncident(tx: Queryable, districtId: string, incidentId: string | null, at: Date) {
  if (!incidentId) return;
  const { rows } = await tx.query<{ automatic: boolean; status: string }>('SELECT automatic, status FROM incidents WHERE id = $1', [
    incidentId,
  ]);
  if (!rows[0]?.automatic || rows[0].status === 'resolved') return;
  await insertIncidentUpdate(tx, {
    districtId,
    incidentId,
    at,
    kind: 'public',
    status: 'resolved',
    messageEn: 'The service is working normally again.',
    messageEs: 'El servicio vuelve a funcionar con normalidad.',
    note: null,
    authorLabel: 'DistrictOps',
  });
}
