import type { Db } from '../../../db/client';
import type { CheckSpec, CheckState } from '../../../../shared/api/systems';

/** A check as the scheduler reads it from the database. */
export interface CheckRow {
  id: string;
  district_id: string;
  system_id: string;
  key: string;
  spec: CheckSpec;
  /** The spec as PostgreSQL prints jsonb: keys in one order, so equal specs are equal strings. */
  spec_text: string;
  state: CheckState;
  consecutive_failures: number;
  first_failure_at: Date | null;
  last_checked_at: Date | null;
  last_beat_at: Date | null;
  created_at: Date;
}

/** Every check of every district: the scheduler's view, read at start and on each reload. */
export async function readCheckRows(db: Db): Promise<CheckRow[]> {
  const { rows } = await db.query<CheckRow>(
    `SELECT id, district_id, system_id, key, spec, spec::text AS spec_text, state, consecutive_failures, first_failure_at, last_checked_at, last_beat_at, created_at
       FROM system_checks`,
  );
  return rows;
}
