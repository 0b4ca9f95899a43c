import type { Queryable } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { auditFrom, writeAudit, type RequestContext } from '../../platform/audit';
import type { BadgeResult } from '../../../shared/api/device-checkout';
import { deviceFrom, deviceSummaryColumns, toDeviceSummary, type DeviceSummaryRow } from './devices.repository';
import { activeHolds, hasSignedAgreement, personByBadge } from './device-people';

/**
 * The scan station's first step: who a badge belongs to, what they hold now and whether a hold
 * stops a new device, shown before the device is scanned. Looking up a student is a read of their
 * record, so it is audited like one.
 */
export async function lookupBadge(db: Queryable, ctx: RequestContext & { actor: Actor }, badge: string): Promise<BadgeResult> {
  const districtId = ctx.actor.districtId;
  const person = await personByBadge(db, districtId, badge);
  if (!person) return { person: null, devices: [], holds: [] };
  const [agreementSigned, holds, devices] = await Promise.all([
    hasSignedAgreement(db, districtId, person.id),
    activeHolds(db, districtId, person.id),
    db.query<DeviceSummaryRow>(
      `SELECT ${deviceSummaryColumns} FROM ${deviceFrom} WHERE a.person_id = $1 AND d.district_id = $2 ORDER BY a.checked_out_at`,
      [person.id, districtId],
    ),
  ]);
  if (person.primaryRole === 'student') {
    await writeAudit(
      db,
      auditFrom(ctx, { action: 'student.read', entityType: 'person', entityId: person.id, details: { section: 'scan_station' } }),
    );
  }
  return {
    person: {
      id: person.id,
      name: person.name,
      identifier: person.identifier,
      grades: person.grades,
      schoolName: person.schoolName,
      agreementSigned,
      primaryRole: person.primaryRole,
      active: person.active,
    },
    devices: devices.rows.map(toDeviceSummary),
    holds,
  };
}
