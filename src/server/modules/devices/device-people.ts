import type { Queryable } from '../../db/client';
import { personNameSql } from './devices.repository';

/** Roster roles that count as staff for a check-out. */
export const staffRoles = ['teacher', 'administrator', 'aide'];

export interface DevicePerson {
  id: string;
  name: string;
  identifier: string | null;
  primaryRole: string;
  active: boolean;
  grades: string[];
  schoolName: string | null;
}

const columns = `p.id, ${personNameSql('p')} AS name, p.identifier, p.primary_role, p.status, p.grades, s.name AS school_name`;

interface Row {
  id: string;
  name: string;
  identifier: string | null;
  primary_role: string;
  status: string;
  grades: string[];
  school_name: string | null;
}

const toPerson = (r: Row): DevicePerson => ({
  id: r.id,
  name: r.name,
  identifier: r.identifier,
  primaryRole: r.primary_role,
  active: r.status === 'active',
  grades: r.grades,
  schoolName: r.school_name,
});

export async function personById(db: Queryable, districtId: string, id: string): Promise<DevicePerson | undefined> {
  const { rows } = await db.query<Row>(
    `SELECT ${columns} FROM people p LEFT JOIN schools s ON s.id = p.primary_school_id WHERE p.id = $1 AND p.district_id = $2`,
    [id, districtId],
  );
  return rows[0] && toPerson(rows[0]);
}

/**
 * A person by what their badge carries: student number (identifier), sourcedId, email or
 * username, in either case. A student number wins over another person's username.
 */
export async function personByBadge(db: Queryable, districtId: string, badge: string): Promise<DevicePerson | undefined> {
  const { rows } = await db.query<Row>(
    `SELECT ${columns} FROM people p LEFT JOIN schools s ON s.id = p.primary_school_id
      WHERE p.district_id = $1
        AND (lower(p.identifier) = lower($2) OR p.sourced_id = $2 OR lower(p.email) = lower($2) OR lower(p.username) = lower($2))
      ORDER BY (lower(p.identifier) = lower($2)) DESC NULLS LAST, (p.sourced_id = $2) DESC, (p.status = 'active') DESC
      LIMIT 1`,
    [districtId, badge],
  );
  return rows[0] && toPerson(rows[0]);
}

export interface ActiveHold {
  id: string;
  reason: string;
  amount: string | null;
}

export async function activeHolds(db: Queryable, districtId: string, personId: string): Promise<ActiveHold[]> {
  const { rows } = await db.query<ActiveHold>(
    `SELECT id, reason, amount FROM device_holds WHERE person_id = $1 AND district_id = $2 AND released_at IS NULL ORDER BY created_at`,
    [personId, districtId],
  );
  return rows;
}

export async function hasSignedAgreement(db: Queryable, districtId: string, personId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM use_agreements WHERE person_id = $1 AND district_id = $2 LIMIT 1', [personId, districtId]);
  return rows.length > 0;
}
