import type { Queryable } from '../../db/client';
import type { CheckSpec, SystemSpec } from '../../../shared/api/systems';
import type { SystemDetail, SystemOwner, SystemView } from '../../../shared/api/system-views';
import { uptimeWindows } from './status/uptime-windows';

interface SystemRow {
  id: string;
  name: string;
  category: SystemSpec['category'];
  owner_id: string | null;
  vendor: string | null;
  tier: 1 | 2 | 3;
  hosting: 'cloud' | 'on-premises' | null;
  description: string | null;
  runbook_url: string | null;
  public_name_en: string | null;
  public_name_es: string | null;
  audience: SystemSpec['audience'];
  updated_at: Date;
}

interface DependencyRow {
  system_id: string;
  depends_on: string;
  kind: 'hard' | 'soft';
}

export interface CheckRow {
  id: string;
  system_id: string;
  key: string;
  type: CheckSpec['type'];
  interval_ms: number;
  spec: CheckSpec;
  state: 'up' | 'degraded' | 'down' | 'unknown';
  last_checked_at: Date | null;
  last_latency_ms: number | null;
  last_message: string | null;
}

export interface Catalog {
  systems: SystemRow[];
  dependencies: DependencyRow[];
  checks: CheckRow[];
}

/** Everything the catalog holds for a district, in display order. */
export async function loadCatalog(db: Queryable, districtId: string, onlyId?: string): Promise<Catalog> {
  const filter = onlyId === undefined ? '' : ' AND id = $2';
  const params = onlyId === undefined ? [districtId] : [districtId, onlyId];
  const systems = (await db.query<SystemRow>(`SELECT * FROM systems WHERE district_id = $1${filter} ORDER BY tier, id`, params)).rows;
  const dependencies = (
    await db.query<DependencyRow>(
      'SELECT system_id, depends_on, kind FROM system_dependencies WHERE district_id = $1 ORDER BY system_id, position, depends_on',
      [districtId],
    )
  ).rows;
  const checks = (
    await db.query<CheckRow>(
      `SELECT id, system_id, key, type, interval_ms, spec, state, last_checked_at, last_latency_ms, last_message
         FROM system_checks WHERE district_id = $1${onlyId === undefined ? '' : ' AND system_id = $2'} ORDER BY system_id, position`,
      params,
    )
  ).rows;
  return { systems, dependencies, checks };
}

/** The stored system in the same normalised form the input schema produces, for comparison and export. */
export function toSpec(row: SystemRow, catalog: Catalog): SystemSpec {
  const spec: SystemSpec = {
    id: row.id,
    name: row.name,
    category: row.category,
    tier: row.tier,
    audience: row.audience,
    dependsOn: catalog.dependencies.filter((d) => d.system_id === row.id).map((d) => ({ id: d.depends_on, kind: d.kind })),
    checks: catalog.checks.filter((c) => c.system_id === row.id).map((c) => c.spec),
  };
  if (row.owner_id) spec.owner = row.owner_id;
  if (row.vendor) spec.vendor = row.vendor;
  if (row.hosting) spec.hosting = row.hosting;
  if (row.description) spec.description = row.description;
  if (row.runbook_url) spec.runbook = row.runbook_url;
  if (row.public_name_en && row.public_name_es) spec.public = { en: row.public_name_en, es: row.public_name_es };
  return spec;
}

/** The named owners of the district's systems (an account, else a rostered person), by id. */
async function loadOwners(db: Queryable, districtId: string, ids: string[]): Promise<Map<string, SystemOwner>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<SystemOwner>(
    `SELECT a.id, 'account' AS kind, a.display_name AS name, a.email FROM accounts a WHERE a.district_id = $1 AND a.id = ANY($2::uuid[])
     UNION ALL
     SELECT p.id, 'person', trim(concat_ws(' ', p.given_name, p.family_name)), p.email FROM people p
      WHERE p.district_id = $1 AND p.id = ANY($2::uuid[])`,
    [districtId, [...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export function toView(
  row: SystemRow,
  catalog: Catalog,
  names: ReadonlyMap<string, string>,
  owners: ReadonlyMap<string, SystemOwner> = new Map(),
): SystemView {
  const name = (id: string) => names.get(id) ?? id;
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    ownerId: row.owner_id,
    owner: (row.owner_id && owners.get(row.owner_id)) || null,
    vendor: row.vendor,
    tier: row.tier,
    hosting: row.hosting,
    description: row.description,
    runbookUrl: row.runbook_url,
    publicName: row.public_name_en && row.public_name_es ? { en: row.public_name_en, es: row.public_name_es } : null,
    audience: row.audience,
    dependsOn: catalog.dependencies
      .filter((d) => d.system_id === row.id)
      .map((d) => ({ id: d.depends_on, name: name(d.depends_on), kind: d.kind })),
    neededBy: catalog.dependencies
      .filter((d) => d.depends_on === row.id)
      .map((d) => ({ id: d.system_id, name: name(d.system_id), kind: d.kind })),
    checks: catalog.checks
      .filter((c) => c.system_id === row.id)
      .map((c) => ({
        id: c.id,
        key: c.key,
        type: c.type,
        intervalMs: c.interval_ms,
        state: c.state,
        lastCheckedAt: c.last_checked_at?.toISOString() ?? null,
        lastLatencyMs: c.last_latency_ms,
        lastMessage: c.last_message,
        spec: c.spec,
      })),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listSystemViews(db: Queryable, districtId: string): Promise<SystemView[]> {
  const catalog = await loadCatalog(db, districtId);
  const names = new Map(catalog.systems.map((s) => [s.id, s.name]));
  const owners = await loadOwners(
    db,
    districtId,
    catalog.systems.flatMap((s) => (s.owner_id ? [s.owner_id] : [])),
  );
  return catalog.systems.map((s) => toView(s, catalog, names, owners));
}

export async function getSystemView(db: Queryable, districtId: string, id: string): Promise<SystemView | undefined> {
  // Only this system's row and checks: a large catalog's other checks are not read for one page.
  const catalog = await loadCatalog(db, districtId, id);
  const row = catalog.systems[0];
  if (!row) return undefined;
  const linked = catalog.dependencies.filter((d) => d.system_id === id || d.depends_on === id).flatMap((d) => [d.system_id, d.depends_on]);
  const { rows: named } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM systems WHERE district_id = $1 AND id = ANY($2)',
    [districtId, [...new Set(linked)]],
  );
  const owners = await loadOwners(db, districtId, row.owner_id ? [row.owner_id] : []);
  return toView(row, catalog, new Map(named.map((s) => [s.id, s.name])), owners);
}

/** One system for its page: the catalog entry, its uptime, and the last incidents that named it. */
export async function getSystemDetail(db: Queryable, districtId: string, id: string, now = Date.now()): Promise<SystemDetail | undefined> {
  const view = await getSystemView(db, districtId, id);
  if (!view) return undefined;
  const uptime = (await uptimeWindows(db, districtId, { now, systemId: id })).get(id) ?? { day: null, month: null, quarter: null };
  const { rows } = await db.query<{
    id: string;
    title_en: string;
    title_es: string;
    status: SystemDetail['recentIncidents'][number]['status'];
    impact: SystemDetail['recentIncidents'][number]['impact'];
    started_at: Date;
    resolved_at: Date | null;
  }>(
    `SELECT i.id, i.title_en, i.title_es, i.status, i.impact, i.started_at, i.resolved_at
       FROM incidents i JOIN incident_systems s ON s.incident_id = i.id
      WHERE i.district_id = $1 AND s.system_id = $2
      ORDER BY i.started_at DESC LIMIT 10`,
    [districtId, id],
  );
  return {
    ...view,
    uptime,
    recentIncidents: rows.map((r) => ({
      id: r.id,
      title: { en: r.title_en, es: r.title_es },
      status: r.status,
      impact: r.impact,
      startedAt: r.started_at.toISOString(),
      resolvedAt: r.resolved_at?.toISOString() ?? null,
    })),
  };
}
