import type { Queryable } from '../../../db/client';
import type { DeviceStatus } from '../../../../shared/api/devices';
import type { CheckoutInput } from '../checkout';
import { personNameSql } from '../devices.repository';
import { staffRoles } from '../device-people';
import { refusalReason } from '../status-machine';
import type { AssignRow } from './assign-fields';
import type { AssignSink } from './read-assign-rows';

interface DeviceHit {
  id: string;
  asset_tag: string | null;
  serial: string;
  status: DeviceStatus;
}

interface PersonHit {
  id: string;
  name: string;
  identifier: string | null;
  sourced_id: string;
  email: string | null;
  username: string | null;
  primary_role: string;
  status: string;
}

/** A row ready to check out. */
export interface PlannedCheckout {
  row: number;
  deviceId: string;
  input: CheckoutInput;
  personId: string | null;
}

/**
 * A person by what a file's Assignee cell holds, as the scan station reads a badge: student
 * number, then sourcedId, then email or username, in either case; an active person first.
 */
function pickPerson(people: PersonHit[], badge: string): PersonHit | undefined {
  const b = badge.toLowerCase();
  const rank = (p: PersonHit) =>
    (p.identifier?.toLowerCase() === b ? 0 : p.sourced_id === badge ? 1 : 2) * 2 + (p.status === 'active' ? 0 : 1);
  return people
    .filter(
      (p) => p.identifier?.toLowerCase() === b || p.sourced_id === badge || p.email?.toLowerCase() === b || p.username?.toLowerCase() === b,
    )
    .sort((x, y) => rank(x) - rank(y))[0];
}

/**
 * Checks every row against the district — the device exists and is in stock, the assignee is a
 * student or staff member of the roster (or a cart or room), no hold stands in the way unless
 * the row gives a reason — and returns what to check out. Every problem goes to the sink with
 * its row and column. Three queries whatever the file's size.
 */
export async function resolveRows(tx: Queryable, districtId: string, rows: AssignRow[], s: AssignSink): Promise<PlannedCheckout[]> {
  const keys = [...new Set(rows.flatMap((r) => [r.assetTag, r.serial].filter((v): v is string => !!v).map((v) => v.toUpperCase())))];
  const devices = await tx.query<DeviceHit>(
    `SELECT id, asset_tag, serial, status FROM devices
      WHERE district_id = $1 AND (upper(asset_tag) = ANY($2::text[]) OR upper(serial) = ANY($2::text[]))`,
    [districtId, keys],
  );
  const byTag = new Map(devices.rows.filter((d) => d.asset_tag).map((d) => [d.asset_tag!.toUpperCase(), d]));
  const bySerial = new Map(devices.rows.map((d) => [d.serial.toUpperCase(), d]));

  const badges = [
    ...new Set(rows.filter((r) => r.assigneeType !== 'cart' && r.assigneeType !== 'room' && r.assignee).map((r) => r.assignee!)),
  ];
  const people = await tx.query<PersonHit>(
    `SELECT p.id, ${personNameSql('p')} AS name, p.identifier, p.sourced_id, p.email, p.username, p.primary_role, p.status
       FROM people p
      WHERE p.district_id = $1 AND (lower(p.identifier) = ANY($2::text[]) OR p.sourced_id = ANY($3::text[])
                                    OR lower(p.email) = ANY($2::text[]) OR lower(p.username) = ANY($2::text[]))`,
    [districtId, badges.map((b) => b.toLowerCase()), badges],
  );
  const personOf = new Map(badges.map((b) => [b, pickPerson(people.rows, b)]));
  const holds = await tx.query<{ person_id: string; reason: string }>(
    'SELECT person_id, reason FROM device_holds WHERE district_id = $1 AND person_id = ANY($2::uuid[]) AND released_at IS NULL ORDER BY created_at',
    [districtId, [...new Set(people.rows.map((p) => p.id))]],
  );
  const holdsOf = new Map<string, string[]>();
  for (const h of holds.rows) holdsOf.set(h.person_id, [...(holdsOf.get(h.person_id) ?? []), h.reason]);

  const planned: PlannedCheckout[] = [];
  // The first row naming each device, and how it named it (the same tag twice is already reported by the reader).
  const firstOf = new Map<string, { row: number; key: string }>();
  for (const r of rows) {
    const at = (field: keyof AssignRow['raw'], message: string) =>
      s.errors.add({ file: s.file, row: r.row, column: s.headerOf[field] ?? null, value: r.raw[field] ?? null, message });
    const errorsBefore = s.errors.items.length;

    const deviceField = r.assetTag ? 'assetTag' : 'serial';
    const key = (r.assetTag ?? r.serial)?.toUpperCase();
    const device = key ? (r.assetTag ? (byTag.get(key) ?? bySerial.get(key)) : bySerial.get(key)) : undefined;
    if (key && !device) at(deviceField, 'is not a device of this district (no such asset tag or serial)');
    if (device) {
      const earlier = firstOf.get(device.id);
      const why = refusalReason(device.status, 'assigned', 'checkout');
      if (earlier && earlier.key !== `${deviceField}:${key}`) at(deviceField, `is the same device as row ${earlier.row}`);
      else if (!earlier && why) at(deviceField, `cannot be checked out: ${why}`);
      if (!earlier) firstOf.set(device.id, { row: r.row, key: `${deviceField}:${key}` });
    }

    let personId: string | null = null;
    let type = r.assigneeType;
    if (r.assignee && type !== 'cart' && type !== 'room') {
      const person = personOf.get(r.assignee);
      const isStaff = person ? staffRoles.includes(person.primary_role) : false;
      if (!person) {
        at(
          'assignee',
          type
            ? `is not a ${type === 'student' ? 'student' : 'staff member'} of this district (use a student number, email or username)`
            : 'is not a student or staff member of this district (for a cart or room, set the Assignee Type column)',
        );
      } else if (
        type === 'student' ? person.primary_role !== 'student' : type === 'staff' ? !isStaff : person.primary_role !== 'student' && !isStaff
      ) {
        at(
          'assignee',
          `is ${person.name}, a ${person.primary_role} in the roster, not ${type === 'staff' ? 'a staff member' : 'a student'}`,
        );
      } else if (person.status !== 'active') {
        at('assignee', `is ${person.name}, who is no longer active in the roster`);
      } else {
        type ??= person.primary_role === 'student' ? 'student' : 'staff';
        personId = person.id;
        const held = holdsOf.get(person.id);
        if (held && !r.holdOverrideReason) {
          at(
            'assignee',
            `is ${person.name}, who has a hold on new devices (${held.join('; ')}): give a Hold Override Reason to issue anyway`,
          );
        }
      }
    }
    if (s.errors.items.length > errorsBefore || !device || !type || !r.assignee) continue;
    planned.push({
      row: r.row,
      deviceId: device.id,
      personId,
      input: {
        assignee: type === 'cart' || type === 'room' ? { type, label: r.assignee } : { type, personId: personId! },
        kind: 'assigned',
        accessories: r.accessories,
        condition: r.condition,
        dueOn: r.dueDate,
        note: r.note,
        holdOverrideReason: personId && holdsOf.has(personId) ? r.holdOverrideReason : undefined,
      },
    });
  }
  return planned;
}
