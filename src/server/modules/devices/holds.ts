import type { z } from 'zod';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError, notFound } from '../../platform/errors';
import { Params } from '../../platform/sql';
import { visiblePeople } from '../../platform/scope';
import type { Hold, holdCreateSchema } from '../../../shared/api/device-holds';
import { personNameSql } from './devices.repository';
import { personById } from './device-people';
import { auditDevices, type DeviceAuthor } from './device-author';

interface HoldRow {
  id: string;
  person_id: string;
  person_name: string;
  reason: string;
  amount: string | null;
  created_at: Date;
  created_by: string;
  released_at: Date | null;
  released_by: string | null;
  release_reason: string | null;
}

export const toHold = (r: HoldRow): Hold => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  reason: r.reason,
  amount: r.amount,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  releasedAt: r.released_at?.toISOString() ?? null,
  releasedBy: r.released_by,
  releaseReason: r.release_reason,
});

/** Holds on people this actor may see; active ones only unless asked. */
export async function listHolds(db: Queryable, actor: Actor, o: { personId?: string | undefined; all?: boolean }): Promise<Hold[]> {
  const params = new Params();
  const where = [visiblePeople(actor, 'p', params)];
  if (o.personId) where.push(`h.person_id = ${params.add(o.personId)}`);
  if (!o.all) where.push('h.released_at IS NULL');
  const { rows } = await db.query<HoldRow>(
    `SELECT h.*, ${personNameSql('p')} AS person_name FROM device_holds h JOIN people p ON p.id = h.person_id
      WHERE h.district_id = ${params.add(actor.districtId)} AND ${where.join(' AND ')} ORDER BY h.created_at DESC LIMIT 1000`,
    params.values,
  );
  return rows.map(toHold);
}

/** Stops new devices being issued to a person until the hold is released (or overridden with a reason). */
export async function placeHold(tx: Queryable, author: DeviceAuthor, input: z.output<typeof holdCreateSchema>): Promise<string> {
  const person = await personById(tx, author.districtId, input.personId);
  if (!person) throw new AppError('validation_failed', 'No such person in this district', { field: 'personId' });
  const { rows } = await tx.query<{ id: string }>(
    'INSERT INTO device_holds (district_id, person_id, reason, amount, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [author.districtId, person.id, input.reason, input.amount ?? null, author.label],
  );
  const id = rows[0]!.id;
  await auditDevices(tx, author, {
    action: 'device_hold.create',
    entityType: 'person',
    entityId: person.id,
    details: { holdId: id, reason: input.reason, amount: input.amount ?? null },
  });
  return id;
}

export async function releaseHold(tx: Queryable, author: DeviceAuthor, id: string, reason: string): Promise<void> {
  const { rows } = await tx.query<{ person_id: string; released_at: Date | null }>(
    'SELECT person_id, released_at FROM device_holds WHERE id = $1 AND district_id = $2 FOR UPDATE',
    [id, author.districtId],
  );
  const hold = rows[0];
  if (!hold) throw notFound('Hold');
  if (hold.released_at) throw new AppError('conflict', 'This hold was already released');
  await tx.query('UPDATE device_holds SET released_at = now(), released_by = $2, release_reason = $3 WHERE id = $1', [
    id,
    author.label,
    reason,
  ]);
  await auditDevices(tx, author, {
    action: 'device_hold.release',
    entityType: 'person',
    entityId: hold.person_id,
    details: { holdId: id, reason },
  });
}
