import type { Queryable } from '../../db/client';
import type { SystemSpec } from '../../../shared/api/systems';
import type { Catalog } from './catalog.repository';
import { canonical, checkKeys, newHeartbeatToken } from './spec-support';

export interface NewHeartbeat {
  systemId: string;
  check: string;
  path: string;
}

/**
 * Writes one validated system. Phase 'row' upserts the systems row; phase 'links' replaces its
 * dependencies and brings its checks in line, matching checks by key so an unchanged check
 * keeps its state, history and heartbeat secret.
 */
export async function writeSystem(
  tx: Queryable,
  districtId: string,
  spec: SystemSpec,
  catalog: Catalog,
  phase: 'row' | 'links',
): Promise<NewHeartbeat[]> {
  if (phase === 'row') {
    await tx.query(
      `INSERT INTO systems (district_id, id, name, category, owner_id, vendor, tier, hosting, description, runbook_url,
                            public_name_en, public_name_es, audience)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (district_id, id) DO UPDATE SET name = $3, category = $4, owner_id = $5, vendor = $6, tier = $7, hosting = $8,
         description = $9, runbook_url = $10, public_name_en = $11, public_name_es = $12, audience = $13, updated_at = now()`,
      [
        districtId,
        spec.id,
        spec.name,
        spec.category,
        spec.owner ?? null,
        spec.vendor ?? null,
        spec.tier,
        spec.hosting ?? null,
        spec.description ?? null,
        spec.runbook ?? null,
        spec.public?.en ?? null,
        spec.public?.es ?? null,
        spec.audience,
      ],
    );
    return [];
  }

  await tx.query('DELETE FROM system_dependencies WHERE district_id = $1 AND system_id = $2', [districtId, spec.id]);
  for (const [position, dep] of spec.dependsOn.entries()) {
    await tx.query('INSERT INTO system_dependencies (district_id, system_id, depends_on, kind, position) VALUES ($1, $2, $3, $4, $5)', [
      districtId,
      spec.id,
      dep.id,
      dep.kind,
      position,
    ]);
  }

  const keys = checkKeys(spec.checks);
  const old = new Map(catalog.checks.filter((c) => c.system_id === spec.id).map((c) => [c.key, c]));
  const beats: NewHeartbeat[] = [];
  for (const [position, check] of spec.checks.entries()) {
    const key = keys[position]!;
    const prev = old.get(key);
    old.delete(key);
    if (prev && canonical(prev.spec) === canonical(check)) {
      await tx.query('UPDATE system_checks SET position = $2 WHERE id = $1', [prev.id, position]);
      continue;
    }
    // A heartbeat keeps its secret when only its timing changes: the nightly job's URL stays valid.
    const keepsToken = prev?.type === 'heartbeat' && check.type === 'heartbeat';
    const fresh = check.type === 'heartbeat' && !keepsToken ? newHeartbeatToken() : undefined;
    if (fresh) beats.push({ systemId: spec.id, check: key, path: `/api/heartbeat/${fresh.token}` });
    if (prev) {
      await tx.query(
        `UPDATE system_checks SET position = $2, type = $3, interval_ms = $4, spec = $5,
                heartbeat_token_hash = CASE WHEN $7 THEN heartbeat_token_hash ELSE $6 END,
                state = 'unknown', consecutive_failures = 0, state_since = NULL, first_failure_at = NULL
          WHERE id = $1`,
        [prev.id, position, check.type, check.interval, JSON.stringify(check), fresh?.hash ?? null, keepsToken],
      );
    } else {
      await tx.query(
        `INSERT INTO system_checks (district_id, system_id, key, position, type, interval_ms, spec, heartbeat_token_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [districtId, spec.id, key, position, check.type, check.interval, JSON.stringify(check), fresh?.hash ?? null],
      );
    }
  }
  for (const gone of old.values()) await tx.query('DELETE FROM system_checks WHERE id = $1', [gone.id]);
  return beats;
}
