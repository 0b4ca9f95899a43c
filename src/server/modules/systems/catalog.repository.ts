import type { Queryable } from '../../db/client';
import type { CheckSpec, SystemSpec, SystemView } from '../../../shared/api/systems';

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

export function toView(row: SystemRow, catalog: Catalog, names: ReadonlyMap<string, string>): SystemView {
  const name = (id: string) => names.get(id) ?? id;
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    ownerId: row.owner_id,
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
  return catalog.systems.map((s) => toView(s, catalog, names));
}

export async function getSystemView(db: Queryable, districtId: string, id: string): Promise<SystemView | undefined> {
  const catalog = await loadCatalog(db, districtId);
  const row = catalog.systems.find((s) => s.id === id);
  if (!row) return undefined;
  return toView(row, catalog, new Map(catalog.systems.map((s) => [s.id, s.name])));
}
