import type { Queryable } from '../../../db/client';
import type { CheckState, SystemStatus } from '../../../../shared/api/systems';
import { deriveHealth } from './blast-radius';
import { loadMaintenanceWindows, systemsInMaintenance } from './maintenance';

export interface SystemHealthView {
  id: string;
  name: string;
  tier: number;
  audience: string;
  publicName: { en: string; es: string } | null;
  status: SystemStatus;
  own: SystemStatus;
  impactedBy: string[];
  degradedBy: string[];
  since: string | null;
}

/** Every system's status now, derived through the graph (a read: it changes nothing and alerts no one). */
export async function readDistrictHealth(db: Queryable, districtId: string, now = Date.now()): Promise<SystemHealthView[]> {
  const q = async <T>(sql: string) => (await db.query<T>(sql, [districtId])).rows;
  const systems = await q<{
    id: string;
    name: string;
    tier: number;
    audience: string;
    public_name_en: string | null;
    public_name_es: string | null;
    since: Date | null;
  }>(
    `SELECT s.id, s.name, s.tier, s.audience, s.public_name_en, s.public_name_es, a.status_since AS since
       FROM systems s LEFT JOIN system_alert_states a ON a.district_id = s.district_id AND a.system_id = s.id
      WHERE s.district_id = $1 ORDER BY s.tier, s.id`,
  );
  const health = deriveHealth({
    systems,
    dependencies: await q<{ system_id: string; depends_on: string; kind: 'hard' | 'soft' }>(
      'SELECT system_id, depends_on, kind FROM system_dependencies WHERE district_id = $1',
    ),
    checks: await q<{ system_id: string; state: CheckState }>('SELECT system_id, state FROM system_checks WHERE district_id = $1'),
    inMaintenance: systemsInMaintenance(await loadMaintenanceWindows(db, districtId), now),
  });
  return systems.map((s) => {
    const h = health.get(s.id)!;
    return {
      id: s.id,
      name: s.name,
      tier: s.tier,
      audience: s.audience,
      publicName: s.public_name_en && s.public_name_es ? { en: s.public_name_en, es: s.public_name_es } : null,
      status: h.status,
      own: h.own,
      impactedBy: h.impactedBy,
      degradedBy: h.degradedBy,
      since: s.since?.toISOString() ?? null,
    };
  });
}
