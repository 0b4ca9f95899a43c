import type { Queryable } from '../../db/client';
import type { ErrorList } from './error-list';

/** Which district an import is for: a known one (the API caller's), one named on the command line, or the export's own. */
export type DistrictChoice = { kind: 'existing'; id: string } | { kind: 'named'; ref: string } | { kind: 'auto' };

export interface DistrictPlan {
  /** null: the district does not exist yet and the import creates it. */
  id: string | null;
  sourcedId: string | null;
  name: string;
  /** The district org row of orgs.csv, when the export has one. */
  org: { row: number; sourcedId: string; name: string } | undefined;
}

interface DistrictRow {
  id: string;
  sourced_id: string | null;
  name: string;
}

const FILE = 'orgs.csv';

/**
 * Works out the district from the choice and the export's district org. A district that already
 * has a sourcedId only takes an export naming that same district, so one district's roster can
 * never be loaded over another's by mistake.
 */
export async function resolveDistrict(
  db: Queryable,
  choice: DistrictChoice,
  orgsTable: string | undefined,
  errors: ErrorList,
): Promise<DistrictPlan | undefined> {
  const orgs = orgsTable
    ? (
        await db.query<{ rn: number; sourced_id: string; name: string }>(
          `SELECT rn, sourced_id, name FROM ${orgsTable} WHERE type = 'district' AND status = 'active' ORDER BY rn`,
        )
      ).rows
    : [];
  if (orgs.length > 1) {
    errors.add({
      file: FILE,
      row: orgs[1]!.rn,
      column: 'type',
      value: 'district',
      message: 'is a second district: import one district at a time',
    });
    return undefined;
  }
  const org = orgs[0] ? { row: orgs[0].rn, sourcedId: orgs[0].sourced_id, name: orgs[0].name } : undefined;

  const existing = (d: DistrictRow): DistrictPlan | undefined => {
    if (org && d.sourced_id && d.sourced_id !== org.sourcedId) {
      errors.add({
        file: FILE,
        row: org.row,
        column: 'sourcedId',
        value: org.sourcedId,
        message: `names district "${org.name}", but this import is for ${d.name} (sourcedId ${d.sourced_id})`,
      });
      return undefined;
    }
    return { id: d.id, sourcedId: d.sourced_id ?? org?.sourcedId ?? null, name: org?.name ?? d.name, org };
  };

  const all = (await db.query<DistrictRow>('SELECT id, sourced_id, name FROM districts ORDER BY created_at')).rows;
  switch (choice.kind) {
    case 'existing': {
      const d = all.find((x) => x.id === choice.id);
      if (!d) throw new Error(`District ${choice.id} does not exist`);
      return existing(d);
    }
    case 'named': {
      const ref = choice.ref.toLowerCase();
      const d = all.find((x) => x.id === choice.ref || x.sourced_id === choice.ref || x.name.toLowerCase() === ref);
      if (d) return existing(d);
      return { id: null, sourcedId: org?.sourcedId ?? choice.ref, name: org?.name ?? choice.ref, org };
    }
    case 'auto': {
      const bySourcedId = org && all.find((x) => x.sourced_id === org.sourcedId);
      if (bySourcedId) return existing(bySourcedId);
      const unnamed = all.length === 1 && !all[0]!.sourced_id ? all[0] : undefined;
      if (unnamed) return existing(unnamed);
      if (org && all.length === 0) return { id: null, sourcedId: org.sourcedId, name: org.name, org };
      if (!org && all.length === 1) return existing(all[0]!);
      const known = all.map((x) => `${x.name}${x.sourced_id ? ` (${x.sourced_id})` : ''}`).join('; ');
      errors.add({
        file: FILE,
        row: org?.row ?? null,
        column: org ? 'sourcedId' : null,
        value: org?.sourcedId ?? null,
        message: org
          ? `names district ${org.sourcedId}, which is not in this database (${known}): pass --district "${org.name}" to create it`
          : all.length === 0
            ? 'names no district org: pass --district "District name" to create the district'
            : `names no district org and the database holds several (${known}): choose one with --district`,
      });
      return undefined;
    }
  }
}
