import type { Queryable } from '../../db/client';
import { AppError } from '../../platform/errors';
import type { SystemSpec } from '../../../shared/api/systems';
import type { ImportResult } from '../../../shared/api/system-views';
import { loadCatalog, toSpec, type Catalog } from './catalog.repository';
import { findCycle } from './dependency-graph';
import { writeSystem } from './write-system';
import { auditChange, canonical, checkKeys, SpecError, type Author } from './spec-support';

export interface ApplyOptions {
  districtId: string;
  specs: SystemSpec[];
  /** create refuses an existing id, update a missing one; upsert (import) takes both. */
  mode: 'create' | 'update' | 'upsert';
  /** Delete the district's systems that `specs` does not name (a file that is the whole catalog). */
  prune?: boolean;
  author: Author;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An owner is an account or a rostered person of the district; an email names an account. */
async function resolveOwner(tx: Queryable, districtId: string, owner: string): Promise<string | undefined> {
  if (UUID.test(owner)) {
    const { rows } = await tx.query(
      `SELECT 1 FROM accounts WHERE district_id = $1 AND id = $2::uuid
       UNION ALL SELECT 1 FROM people WHERE district_id = $1 AND id = $2::uuid`,
      [districtId, owner],
    );
    return rows.length > 0 ? owner.toLowerCase() : undefined;
  }
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM accounts WHERE district_id = $1 AND lower(email) = lower($2)', [
    districtId,
    owner,
  ]);
  return rows[0]?.id;
}

/** Checks the batch as a whole against the catalog it would produce: ids, owners, references, cycles. */
async function validate(tx: Queryable, o: ApplyOptions, catalog: Catalog): Promise<SystemSpec[]> {
  const existing = new Set(catalog.systems.map((s) => s.id));
  const firstIndex = new Map<string, number>();
  const resolved: SystemSpec[] = [];
  for (const [i, spec] of o.specs.entries()) {
    const earlier = firstIndex.get(spec.id);
    if (earlier !== undefined) throw new SpecError(i, ['id'], `"${spec.id}" is already used by system ${earlier + 1}`);
    firstIndex.set(spec.id, i);
    if (o.mode === 'create' && existing.has(spec.id))
      throw new AppError('conflict', `A system "${spec.id}" already exists`, { field: 'id' });
    if (o.mode === 'update' && !existing.has(spec.id)) throw new AppError('not_found', `System "${spec.id}" not found`);
    const keys = checkKeys(spec.checks);
    const dup = keys.findIndex((k, j) => keys.indexOf(k) !== j);
    if (dup >= 0) throw new SpecError(i, ['checks', dup, 'name'], `two checks are named "${keys[dup]}": give each a distinct name`);
    let owner = spec.owner;
    if (owner !== undefined) {
      owner = await resolveOwner(tx, o.districtId, owner);
      if (!owner) throw new SpecError(i, ['owner'], `"${spec.owner}" is not an account (id or email) or person of this district`);
    }
    resolved.push({ ...spec, owner });
  }

  const graph = new Map<string, string[]>();
  const remaining = new Set(o.prune ? firstIndex.keys() : [...existing, ...firstIndex.keys()]);
  for (const d of catalog.dependencies) {
    if (remaining.has(d.system_id) && !firstIndex.has(d.system_id))
      graph.set(d.system_id, [...(graph.get(d.system_id) ?? []), d.depends_on]);
  }
  for (const [i, spec] of resolved.entries()) {
    const seen = new Set<string>();
    for (const [j, dep] of spec.dependsOn.entries()) {
      if (dep.id === spec.id) throw new SpecError(i, ['dependsOn', j], `"${spec.id}" cannot depend on itself`);
      if (seen.has(dep.id)) throw new SpecError(i, ['dependsOn', j], `"${dep.id}" is listed twice`);
      if (!remaining.has(dep.id)) throw new SpecError(i, ['dependsOn', j], `unknown system "${dep.id}"`);
      seen.add(dep.id);
    }
    graph.set(spec.id, [...seen]);
  }
  for (const id of remaining) {
    if (firstIndex.has(id)) continue;
    const gone = (graph.get(id) ?? []).find((dep) => !remaining.has(dep));
    if (gone) throw new AppError('conflict', `"${id}" depends on "${gone}", which would be deleted`);
  }
  const cycle = findCycle(
    graph,
    resolved.map((s) => s.id),
  );
  if (cycle) {
    const i = firstIndex.get(cycle[0]!) ?? 0;
    const j = Math.max(0, resolved[i]?.dependsOn.findIndex((d) => d.id === cycle[1]) ?? 0);
    throw new SpecError(i, ['dependsOn', j], `dependency cycle: ${cycle.join(' → ')}`);
  }
  return resolved;
}

/** Creates, updates (and with prune deletes) systems in one transaction the caller holds. */
export async function applySystems(tx: Queryable, o: ApplyOptions): Promise<ImportResult> {
  const catalog = await loadCatalog(tx, o.districtId);
  const specs = await validate(tx, o, catalog);
  const result: ImportResult = { created: [], updated: [], unchanged: [], deleted: [], notificationsReplaced: false, heartbeats: [] };
  const before = new Map(catalog.systems.map((row) => [row.id, toSpec(row, catalog)]));

  const changed = specs.filter((spec) => {
    const old = before.get(spec.id);
    if (!old) result.created.push(spec.id);
    else if (canonical(old) === canonical(spec)) result.unchanged.push(spec.id);
    else result.updated.push(spec.id);
    return !old || canonical(old) !== canonical(spec);
  });

  // Rows first, then dependencies and checks: a dependency may point at a system created in the same batch.
  for (const spec of changed) await writeSystem(tx, o.districtId, spec, catalog, 'row');
  for (const spec of changed) {
    const beats = await writeSystem(tx, o.districtId, spec, catalog, 'links');
    result.heartbeats.push(...beats);
    const created = !before.has(spec.id);
    await auditChange(tx, o.districtId, o.author, {
      action: created ? 'system.created' : 'system.updated',
      entityType: 'system',
      entityId: spec.id,
      details: created ? { name: spec.name, tier: spec.tier } : { before: before.get(spec.id), after: spec },
    });
  }

  if (o.prune) {
    const keep = new Set(specs.map((s) => s.id));
    const doomed = catalog.systems.map((s) => s.id).filter((id) => !keep.has(id));
    if (doomed.length > 0) {
      await tx.query('DELETE FROM system_dependencies WHERE district_id = $1 AND (system_id = ANY($2) OR depends_on = ANY($2))', [
        o.districtId,
        doomed,
      ]);
      await tx.query('DELETE FROM systems WHERE district_id = $1 AND id = ANY($2)', [o.districtId, doomed]);
      for (const id of doomed) {
        await auditChange(tx, o.districtId, o.author, { action: 'system.deleted', entityType: 'system', entityId: id });
      }
      result.deleted.push(...doomed);
    }
  }
  return result;
}

/** Deletes one system; refused while others depend on it, naming them. */
export async function deleteSystem(tx: Queryable, districtId: string, id: string, author: Author): Promise<void> {
  const { rows } = await tx.query<{ system_id: string }>(
    'SELECT system_id FROM system_dependencies WHERE district_id = $1 AND depends_on = $2 ORDER BY system_id',
    [districtId, id],
  );
  if (rows.length > 0) {
    throw new AppError(
      'conflict',
      `"${id}" is needed by ${rows.map((r) => `"${r.system_id}"`).join(', ')}: remove those dependencies first`,
    );
  }
  const del = await tx.query('DELETE FROM systems WHERE district_id = $1 AND id = $2', [districtId, id]);
  if (del.rowCount === 0) throw new AppError('not_found', `System "${id}" not found`);
  await auditChange(tx, districtId, author, { action: 'system.deleted', entityType: 'system', entityId: id });
}
