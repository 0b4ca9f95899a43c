import type { Queryable } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { auditFrom, writeAudit, type RequestContext } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import { Params } from '../../platform/sql';
import { visiblePeople } from '../../platform/scope';
import type { PersonDevices } from '../../../shared/api/device-people';
import {
  assignmentColumns,
  deviceSummaryById,
  eventColumns,
  personNameSql,
  toAssignment,
  toDeviceEvent,
  type AssignmentRow,
  type EventRow,
} from './devices.repository';
import { agreementsOf } from './agreements';
import { listHolds } from './holds';

/**
 * A person's devices: what they hold now, every assignment and event, agreements and holds.
 * The person must be within the actor's people scope (a principal: their schools); a student's
 * device record is part of their record, so reading it is audited like one.
 */
export async function personDevices(db: Queryable, ctx: RequestContext & { actor: Actor }, personId: string): Promise<PersonDevices> {
  const { actor } = ctx;
  const params = new Params([personId]);
  const { rows } = await db.query<{ id: string; name: string; identifier: string | null; primary_role: string }>(
    `SELECT p.id, ${personNameSql('p')} AS name, p.identifier, p.primary_role FROM people p
      WHERE p.id = $1 AND ${visiblePeople(actor, 'p', params)}`,
    params.values,
  );
  const person = rows[0];
  if (!person) throw notFound('Person');
  const [assignments, events, agreements, holds] = await Promise.all([
    db.query<AssignmentRow & { asset_tag: string | null; serial: string }>(
      `SELECT ${assignmentColumns}, d.asset_tag, d.serial FROM device_assignments a
         JOIN devices d ON d.id = a.device_id LEFT JOIN people ap ON ap.id = a.person_id
        WHERE a.person_id = $1 AND a.district_id = $2 AND a.voided_at IS NULL ORDER BY a.checked_out_at DESC`,
      [personId, actor.districtId],
    ),
    db.query<EventRow & { asset_tag: string | null }>(
      `SELECT ${eventColumns}, d.asset_tag FROM device_events e JOIN devices d ON d.id = e.device_id
         LEFT JOIN people ep ON ep.id = e.person_id
        WHERE e.person_id = $1 AND e.district_id = $2 ORDER BY e.seq DESC LIMIT 500`,
      [personId, actor.districtId],
    ),
    agreementsOf(db, actor.districtId, personId),
    listHolds(db, actor, { personId, all: true }),
  ]);
  const open = assignments.rows.filter((a) => a.checked_in_at === null);
  const current = await Promise.all(
    open.map(async (a) => ({ device: (await deviceSummaryById(db, actor.districtId, a.device_id))!, assignment: toAssignment(a) })),
  );
  if (person.primary_role === 'student') {
    await writeAudit(
      db,
      auditFrom(ctx, { action: 'student.read', entityType: 'person', entityId: personId, details: { section: 'devices' } }),
    );
  }
  return {
    person: { id: person.id, name: person.name, identifier: person.identifier, primaryRole: person.primary_role },
    current,
    assignments: assignments.rows.map((a) => ({ ...toAssignment(a), assetTag: a.asset_tag, serial: a.serial })),
    history: events.rows.map((e) => ({ ...toDeviceEvent(e), deviceId: e.device_id, assetTag: e.asset_tag })),
    agreements,
    holds,
  };
}
