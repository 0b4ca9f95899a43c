import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { auditFrom, writeAudit, type RequestContext } from '../../../platform/audit';
import { notFound } from '../../../platform/errors';
import { Params } from '../../../platform/sql';
import { visiblePeople } from '../../../platform/scope';
import type { Statement, balancesPageSchema, balancesQuerySchema } from '../../../../shared/api/device-fees';
import { personNameSql } from '../devices.repository';
import { toHold } from '../holds';
import { ledgerOf, totalsOf } from './fee-ledger';

/**
 * A person's fee statement: every charge, payment and waiver with the running balance, the
 * totals, and the hold fees placed. Within the actor's people scope (404 otherwise); reading a
 * student's statement is audited like reading their record.
 */
export async function getStatement(db: Queryable, ctx: RequestContext & { actor: Actor }, personId: string): Promise<Statement> {
  const { actor } = ctx;
  const params = new Params([personId]);
  const { rows } = await db.query<{ id: string; name: string; identifier: string | null; primary_role: string }>(
    `SELECT p.id, ${personNameSql('p')} AS name, p.identifier, p.primary_role FROM people p
      WHERE p.id = $1 AND ${visiblePeople(actor, 'p', params)}`,
    params.values,
  );
  const person = rows[0];
  if (!person) throw notFound('Person');
  const [lines, totals, holds] = await Promise.all([
    ledgerOf(db, actor.districtId, [person.id]),
    totalsOf(db, actor.districtId, person.id),
    db.query<Parameters<typeof toHold>[0]>(
      `SELECT h.*, ${personNameSql('p')} AS person_name FROM device_holds h JOIN people p ON p.id = h.person_id
        WHERE h.person_id = $1 AND h.district_id = $2 AND h.source = 'fees' AND h.released_at IS NULL`,
      [person.id, actor.districtId],
    ),
  ]);
  if (person.primary_role === 'student') {
    await writeAudit(
      db,
      auditFrom(ctx, { action: 'student.read', entityType: 'person', entityId: person.id, details: { section: 'device_fees' } }),
    );
  }
  return {
    person: { id: person.id, name: person.name, identifier: person.identifier },
    balance: totals.balance,
    charged: totals.charged,
    paid: totals.paid,
    waived: totals.waived,
    lines: lines.map(({ personId: _personId, ...line }) => line),
    hold: holds.rows[0] ? toHold(holds.rows[0]) : null,
  };
}

/** People this actor may see who owe a balance, largest first. */
export async function listBalances(
  db: Queryable,
  actor: Actor,
  q: z.output<typeof balancesQuerySchema>,
): Promise<z.infer<typeof balancesPageSchema>> {
  const params = new Params([actor.districtId]);
  const where = ['b.balance > 0', visiblePeople(actor, 'p', params)];
  if (q.schoolId) where.push(`p.primary_school_id = ${params.add(q.schoolId)}`);
  const limit = params.add(q.pageSize);
  const offset = params.add((q.page - 1) * q.pageSize);
  const { rows } = await db.query<{
    id: string;
    name: string;
    identifier: string | null;
    school_name: string | null;
    balance: string;
    last_at: Date;
    held: boolean;
    total: number;
  }>(
    `SELECT p.id, ${personNameSql('p')} AS name, p.identifier, s.name AS school_name, b.balance, b.last_at,
            EXISTS (SELECT 1 FROM device_holds h WHERE h.person_id = p.id AND h.source = 'fees' AND h.released_at IS NULL) AS held,
            count(*) OVER ()::int AS total
       FROM (SELECT person_id, sum(CASE WHEN kind = 'charge' THEN amount ELSE -amount END)::numeric(12, 2) AS balance, max(at) AS last_at
               FROM device_fee_entries WHERE district_id = $1 GROUP BY person_id) b
       JOIN people p ON p.id = b.person_id
       LEFT JOIN schools s ON s.id = p.primary_school_id
      WHERE ${where.join(' AND ')}
      ORDER BY b.balance DESC, p.family_name, p.given_name LIMIT ${limit} OFFSET ${offset}`,
    params.values,
  );
  return {
    items: rows.map((r) => ({
      person: { id: r.id, name: r.name, identifier: r.identifier },
      schoolName: r.school_name,
      balance: r.balance,
      lastActivityAt: r.last_at.toISOString(),
      held: r.held,
    })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
