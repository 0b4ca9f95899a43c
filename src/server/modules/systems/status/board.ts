import type { Queryable } from '../../../db/client';
import type { CheckState, SystemSpec } from '../../../../shared/api/systems';
import type { BoardSystem } from '../../../../shared/api/system-views';
import { deriveHealth } from './blast-radius';
import { loadMaintenanceWindows, systemsInMaintenance } from './maintenance';
import { uptimeWindows } from './uptime-windows';

/** Ratios to four decimals (99.95 %): enough for the board, and a thousand rows stay small. */
const round = (r: number | null) => (r === null ? null : Math.round(r * 10_000) / 10_000);

/**
 * The status board: every system's live status through the dependency graph (as readDistrictHealth
 * derives it) with what the board shows beside it (category, owner, 24-hour and 30-day uptime, its
 * dependencies for the graph), in one answer, so the page a CIO opens first is one request however
 * many systems the district runs. Each table is read once.
 */
export async function readBoard(db: Queryable, districtId: string, now = Date.now()): Promise<BoardSystem[]> {
  const q = async <T>(sql: string) => (await db.query<T>(sql, [districtId])).rows;
  const [systems, dependencies, checks, windows, uptime] = await Promise.all([
    q<{
      id: string;
      name: string;
      tier: number;
      audience: string;
      category: SystemSpec['category'];
      public_name_en: string | null;
      public_name_es: string | null;
      owner_name: string | null;
      since: Date | null;
    }>(
      `SELECT s.id, s.name, s.tier, s.audience, s.category, s.public_name_en, s.public_name_es, a.status_since AS since,
              coalesce(o.display_name, nullif(trim(concat_ws(' ', p.given_name, p.family_name)), '')) AS owner_name
         FROM systems s
         LEFT JOIN system_alert_states a ON a.district_id = s.district_id AND a.system_id = s.id
         LEFT JOIN accounts o ON o.district_id = s.district_id AND o.id = s.owner_id
         LEFT JOIN people p ON o.id IS NULL AND p.district_id = s.district_id AND p.id = s.owner_id
        WHERE s.district_id = $1 ORDER BY s.tier, s.id`,
    ),
    q<{ system_id: string; depends_on: string; kind: 'hard' | 'soft' }>(
      'SELECT system_id, depends_on, kind FROM system_dependencies WHERE district_id = $1 ORDER BY system_id, position, depends_on',
    ),
    q<{ system_id: string; state: CheckState }>('SELECT system_id, state FROM system_checks WHERE district_id = $1'),
    loadMaintenanceWindows(db, districtId),
    uptimeWindows(db, districtId, { now, quarter: false }),
  ]);
  const health = deriveHealth({ systems, dependencies, checks, inMaintenance: systemsInMaintenance(windows, now) });
  const dependsOn = new Map<string, BoardSystem['dependsOn']>();
  for (const d of dependencies) dependsOn.set(d.system_id, [...(dependsOn.get(d.system_id) ?? []), { id: d.depends_on, kind: d.kind }]);
  return systems.map((s) => {
    const h = health.get(s.id)!;
    const u = uptime.get(s.id);
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
      category: s.category,
      ownerName: s.owner_name,
      uptime: { day: round(u?.day ?? null), month: round(u?.month ?? null) },
      dependsOn: dependsOn.get(s.id) ?? [],
    };
  });
}
