import type { Db, Queryable } from '../../db/client';
import { importSystemsYaml } from '../systems/import-export';
import { createHistoryKeeper } from '../systems/history/rollups';
import { readDistrictHealth } from '../systems/status/read-health';
import { seedCheckHistory, HISTORY_DAYS } from './demo-history';
import { demoOutages, seedDemoIncidents } from './demo-incidents';
import { seedDemoReadiness } from './demo-readiness';
import { demoSystemsYaml } from './demo-systems';
import { createRng } from './generate-random';
import { STAFF_DOMAIN } from './generate-district';

/** Where `npm start` listens by default; the server passes its own address. */
export const DEFAULT_SELF_URL = 'http://127.0.0.1:3000';

export interface DemoSystemsResult {
  systems: number;
  /** Secret heartbeat URL paths of the nightly jobs, shown once as after any import. */
  heartbeats: { systemId: string; path: string }[];
  readiness: { schoolYear: number; firstDay: string };
}

/**
 * Gives the demo district the systems a real one runs: the catalog imported through the same path
 * as `districtops systems import`, ninety days of check history, two past incidents, a planned
 * maintenance window and the coming school year's readiness board. Deterministic for a seed and a
 * `now`; every check points at this server (`selfUrl`), so the demo never reaches the internet.
 */
export async function seedDemoSystems(
  db: Db,
  o: { districtId: string; selfUrl?: string; now?: number; seed?: number },
): Promise<DemoSystemsResult> {
  const now = o.now ?? Date.now();
  const rng = createRng(o.seed ?? 1);
  const one = async <T>(sql: string, params: unknown[]) => (await db.query<T>(sql, params)).rows;
  const [district] = await one<{ timezone: string }>('SELECT timezone FROM districts WHERE id = $1', [o.districtId]);
  const timezone = district?.timezone ?? 'America/Chicago';
  const administrators = await one<{ id: string }>(
    "SELECT id FROM people WHERE district_id = $1 AND primary_role = 'administrator' ORDER BY sourced_id",
    [o.districtId],
  );
  const [cio] = await one<{ id: string }>('SELECT id FROM accounts WHERE district_id = $1 AND lower(email) = $2', [
    o.districtId,
    `cio@${STAFF_DOMAIN}`,
  ]);
  if (!cio) throw new Error('The demo systems need the demo accounts: create them first');

  const text = demoSystemsYaml({
    selfUrl: o.selfUrl ?? DEFAULT_SELF_URL,
    domain: STAFF_DOMAIN,
    administrators: administrators.map((a) => a.id),
  });
  const imported = await importSystemsYaml(db, { districtId: o.districtId, text, author: { label: 'demo' } });

  await db.transaction(async (tx) => {
    const outages = demoOutages(now, timezone);
    await seedCheckHistory(tx, { districtId: o.districtId, now, timezone, outages: [outages.sso, outages.internet], rng });
    await seedDemoIncidents(tx, { districtId: o.districtId, now, timezone });
    // Day rollups come from the hour rollups exactly as the running server makes them.
    await createHistoryKeeper(tx).run(now);
    await seedStatuses(tx, o.districtId, now);
  });

  const readiness = await seedDemoReadiness(db, { districtId: o.districtId, now, timezone, ownerId: cio.id, rng });
  return {
    systems: imported.created.length,
    heartbeats: imported.heartbeats.map((h) => ({ systemId: h.systemId, path: h.path })),
    readiness,
  };
}

/**
 * What the alerting last said about each system, so a fresh demo does not announce every system as
 * newly up: its status now, since its last incident ended (or since the history began).
 */
async function seedStatuses(tx: Queryable, districtId: string, now: number) {
  const health = await readDistrictHealth(tx, districtId, now);
  const { rows } = await tx.query<{ system_id: string; at: Date }>(
    `SELECT s.system_id, max(i.resolved_at) AS at FROM incident_systems s JOIN incidents i ON i.id = s.incident_id
      WHERE s.district_id = $1 GROUP BY s.system_id`,
    [districtId],
  );
  const ended = new Map(rows.map((r) => [r.system_id, r.at.getTime()]));
  const since = (id: string) => new Date(ended.get(id) ?? now - HISTORY_DAYS * 86_400_000).toISOString();
  await tx.query(
    `INSERT INTO system_alert_states (district_id, system_id, status, status_since)
     SELECT $1, u.id, u.status, u.since FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS u(id, status, since)`,
    [districtId, health.map((h) => h.id), health.map((h) => h.status), health.map((h) => since(h.id))],
  );
}
