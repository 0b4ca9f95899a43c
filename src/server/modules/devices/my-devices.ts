import type { z } from 'zod';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../platform/actor';
import type { myDevicesSchema } from '../../../shared/api/device-people';
import { personNameSql } from './devices.repository';
import { myRepairsAndFees } from './repairs/my-repairs';

type MyDevices = z.infer<typeof myDevicesSchema>;

/**
 * The devices a signed-in person holds, and a guardian's children's: what a student or family
 * sees, with repairs in progress and device fees. No serial numbers of anyone else, no history,
 * no other person.
 */
export async function myDevices(db: Queryable, actor: Actor): Promise<MyDevices> {
  if (!actor.personId) return { items: [] };
  const people = await db.query<{ id: string; name: string }>(
    `SELECT p.id, ${personNameSql('p')} AS name FROM people p
      WHERE p.district_id = $2 AND (p.id = $1 OR p.id IN (SELECT student_id FROM guardian_links WHERE guardian_id = $1))
      ORDER BY p.id = $1 DESC, p.given_name`,
    [actor.personId, actor.districtId],
  );
  const ids = people.rows.map((p) => p.id);
  const [held, signed, repairsAndFees] = await Promise.all([
    db.query<{
      person_id: string;
      asset_tag: string | null;
      serial: string;
      model_name: string | null;
      kind: 'assigned' | 'loaner';
      checked_out_at: Date;
      accessories: string[];
      due_on: string | null;
    }>(
      `SELECT a.person_id, d.asset_tag, d.serial, m.name AS model_name, a.kind, a.checked_out_at, a.accessories, a.due_on
         FROM device_assignments a JOIN devices d ON d.id = a.device_id LEFT JOIN device_models m ON m.id = d.model_id
        WHERE a.person_id = ANY($1::uuid[]) AND a.district_id = $2 AND a.checked_in_at IS NULL ORDER BY a.checked_out_at`,
      [ids, actor.districtId],
    ),
    db.query<{ person_id: string; version: string; signed_at: Date; signed_by: 'student' | 'guardian' }>(
      `SELECT DISTINCT ON (person_id) person_id, version, signed_at, signed_by FROM use_agreements
        WHERE person_id = ANY($1::uuid[]) AND district_id = $2 ORDER BY person_id, signed_at DESC`,
      [ids, actor.districtId],
    ),
    myRepairsAndFees(db, actor.districtId, ids),
  ]);
  // Only people with a device, an agreement, a repair or a fee: a guardian's own empty entry says nothing.
  return {
    items: people.rows
      .map((p) => {
        const agreement = signed.rows.find((s) => s.person_id === p.id);
        return {
          person: p,
          devices: held.rows
            .filter((h) => h.person_id === p.id)
            .map((h) => ({
              assetTag: h.asset_tag,
              serial: h.serial,
              modelName: h.model_name,
              kind: h.kind,
              checkedOutAt: h.checked_out_at.toISOString(),
              accessories: h.accessories,
              dueOn: h.due_on,
            })),
          agreement: agreement
            ? { version: agreement.version, signedAt: agreement.signed_at.toISOString(), signedBy: agreement.signed_by }
            : null,
          ...repairsAndFees.get(p.id)!,
        };
      })
      .filter(
        (i) =>
          i.devices.length > 0 || i.agreement !== null || i.repairs.length > 0 || i.fees.lines.length > 0 || i.person.id === actor.personId,
      ),
  };
}
