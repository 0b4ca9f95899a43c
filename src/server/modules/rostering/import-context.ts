import { rosterFileTypes, type RosterFileType } from '../../../shared/api/rostering';
import type { FileSpec, OneRosterVersion } from './oneroster-spec';

/** What the checks and merges of one import share. */
export interface ImportContext {
  importId: string;
  version: OneRosterVersion;
  /** The district's id, or null while a new district is still to be created (nothing exists for it yet). */
  districtId: string | null;
  districtSourcedId: string | null;
  /** Staging table of each file that was read. */
  tables: Partial<Record<RosterFileType, string>>;
  specs: Partial<Record<RosterFileType, FileSpec>>;
  modes: Map<RosterFileType, 'bulk' | 'delta'>;
  /** Rows staged per file, to count what an import left unchanged. */
  staged: Partial<Record<RosterFileType, number>>;
  /** See id-prefix.ts. */
  idPrefix: string;
}

/** SQL for the id a staged row gets if it is new: unique to this import, file and row. */
export function newIdSql(ctx: ImportContext, type: RosterFileType, alias = 's'): string {
  return `('${ctx.idPrefix}${rosterFileTypes.indexOf(type).toString(16)}' || lpad(to_hex(${alias}.rn), 11, '0'))::uuid`;
}

export function isBulk(ctx: ImportContext, type: RosterFileType): boolean {
  return ctx.modes.get(type) === 'bulk';
}

/** Whether the staged file has a column (optional columns may be left out of the header). */
export function hasColumn(ctx: ImportContext, type: RosterFileType, column: string): boolean {
  return Boolean(ctx.specs[type]?.columns.some((c) => c.name === column));
}
