import type { Queryable } from '../../db/client';
import type { DeviceStatus } from '../../../shared/api/devices';
import { demoModels, type ModelKey } from './demo-device-models';
import { STAFF_DOMAIN } from './generate-district';

export interface FleetDevice {
  id: string;
  tag: string;
  status: DeviceStatus;
  schoolId: string | null;
  model: ModelKey | null;
  warrantyEnd: string | null;
  location: string | null;
  createdAt: number;
  /** When the device's last event happened: anything added to its history comes after. */
  lastAt: number;
}

export interface FleetAssignment {
  id: string;
  deviceId: string;
  kind: 'assigned' | 'loaner';
  assigneeType: 'student' | 'staff' | 'cart' | 'room';
  personId: string | null;
  label: string | null;
  accessories: string[];
  dueOn: string | null;
  checkedOutAt: number;
}

export interface FleetEvent {
  deviceId: string;
  type: string;
  at: number;
  toStatus: DeviceStatus | null;
  note: string | null;
  assignmentId: string | null;
  personId: string | null;
  condition: string | null;
}

export interface FleetHold {
  id: string;
  personId: string;
  reason: string;
  amount: string | null;
  createdAt: number;
  releasedAt: number | null;
}

/** The demo fleet as `seedDemoDevices` left it: what the repairs, loaners and fees are told around. */
export interface FleetState {
  it: { accountId: string; label: string };
  schools: { id: string; name: string; level: string | null }[];
  modelIds: Map<ModelKey, string>;
  devices: Map<string, FleetDevice>;
  /** Open check-outs by device, and the check-outs that ended in a damaged check-in, by id. */
  open: Map<string, FleetAssignment>;
  damaged: Map<string, FleetAssignment>;
  /** The histories of devices that were ever checked in damaged, in order. */
  damageHistories: Map<string, FleetEvent[]>;
  /** Check-outs to each person in the last year: a fee hold would have stopped those without an override. */
  checkouts: Map<string, { at: number; overridden: boolean }[]>;
  holds: FleetHold[];
  /** Students who sign in to the demo (the student, the parent's children). */
  featured: Set<string>;
  demoStudent: string | null;
  studentSchool: Map<string, string | null>;
  /** A stable order for people (ids are new on every run, identifiers are the roster's). */
  personKey: Map<string, string>;
  /** Chargers not handed back with last year's devices, and devices reported lost, with who had them. */
  lostChargers: { personId: string; deviceId: string; at: number }[];
  lostDevices: { personId: string; deviceId: string; at: number }[];
}

const ms = (d: Date) => d.getTime();

export async function readFleet(db: Queryable, districtId: string, now: number): Promise<FleetState> {
  const q = async <T>(sql: string, more: unknown[] = []) => (await db.query<T>(sql, [districtId, ...more])).rows;
  const [it] = await q<{ id: string; email: string }>('SELECT id, email FROM accounts WHERE district_id = $1 AND lower(email) = $2', [
    `it@${STAFF_DOMAIN}`,
  ]);
  if (!it) throw new Error('The demo repairs need the demo accounts: create them first');
  const schools = await q<{ id: string; name: string; level: string | null }>(
    `SELECT id, name, level FROM schools WHERE district_id = $1 AND status = 'active' ORDER BY sourced_id COLLATE "C"`,
  );
  const models = await q<{ id: string; name: string }>('SELECT id, name FROM device_models WHERE district_id = $1');
  const keyOf = new Map(Object.entries(demoModels).map(([k, m]) => [m.name, k as ModelKey]));
  const modelIds = new Map(models.flatMap((m) => (keyOf.has(m.name) ? [[keyOf.get(m.name)!, m.id] as const] : [])));
  const modelById = new Map(models.map((m) => [m.id, keyOf.get(m.name) ?? null]));

  const devices = await q<{
    id: string;
    asset_tag: string;
    status: DeviceStatus;
    school_id: string | null;
    model_id: string | null;
    warranty_end: string | null;
    location: string | null;
    created_at: Date;
    last_at: Date;
  }>(
    `SELECT d.id, d.asset_tag, d.status, d.school_id, d.model_id, d.warranty_end, d.location, d.created_at, l.last_at
       FROM devices d JOIN (SELECT device_id, max(at) AS last_at FROM device_events WHERE district_id = $1 GROUP BY device_id) l
         ON l.device_id = d.id
      WHERE d.district_id = $1 ORDER BY d.asset_tag`,
  );
  const assignmentColumns = `id, device_id, kind, assignee_type, person_id, label, accessories, due_on, checked_out_at`;
  type AssignmentRow = {
    id: string;
    device_id: string;
    kind: FleetAssignment['kind'];
    assignee_type: FleetAssignment['assigneeType'];
    person_id: string | null;
    label: string | null;
    accessories: string[];
    due_on: string | null;
    checked_out_at: Date;
  };
  const toAssignment = (a: AssignmentRow): FleetAssignment => ({
    id: a.id,
    deviceId: a.device_id,
    kind: a.kind,
    assigneeType: a.assignee_type,
    personId: a.person_id,
    label: a.label,
    accessories: a.accessories,
    dueOn: a.due_on,
    checkedOutAt: ms(a.checked_out_at),
  });
  const open = await q<AssignmentRow>(
    `SELECT ${assignmentColumns} FROM device_assignments WHERE district_id = $1 AND checked_in_at IS NULL`,
  );
  const damaged = await q<AssignmentRow>(
    `SELECT ${assignmentColumns} FROM device_assignments WHERE district_id = $1 AND condition_in = 'damaged'`,
  );
  const events = await q<{
    device_id: string;
    type: string;
    at: Date;
    to_status: DeviceStatus | null;
    note: string | null;
    assignment_id: string | null;
    person_id: string | null;
    condition: string | null;
  }>(
    `SELECT e.device_id, e.type, e.at, e.to_status, e.note, e.assignment_id, e.person_id, e.condition FROM device_events e
      WHERE e.district_id = $1 AND e.device_id IN (
        SELECT device_id FROM device_events WHERE district_id = $1 AND type = 'checked_in' AND condition = 'damaged')
      ORDER BY e.device_id, e.seq`,
  );
  const checkouts = await q<{ person_id: string; at: Date; overridden: boolean }>(
    `SELECT person_id, at, details->>'holdOverrideReason' IS NOT NULL AS overridden FROM device_events
      WHERE district_id = $1 AND type = 'checked_out' AND person_id IS NOT NULL AND at > $2 ORDER BY at`,
    [new Date(now - 400 * 86_400_000).toISOString()],
  );
  const holds = await q<{
    id: string;
    person_id: string;
    reason: string;
    amount: string | null;
    created_at: Date;
    released_at: Date | null;
  }>('SELECT id, person_id, reason, amount, created_at, released_at FROM device_holds WHERE district_id = $1 ORDER BY created_at, id');
  const featured = await q<{ role: string; person_id: string | null; children: string[] | null }>(
    `SELECT ar.role, a.person_id, (SELECT array_agg(gl.student_id) FROM guardian_links gl WHERE gl.guardian_id = a.person_id) AS children
       FROM accounts a JOIN account_roles ar ON ar.account_id = a.id WHERE a.district_id = $1 AND ar.role IN ('student', 'guardian')`,
  );
  const students = await q<{ id: string; school_id: string | null; key: string }>(
    `SELECT id, primary_school_id AS school_id, sourced_id AS key FROM people WHERE district_id = $1 AND primary_role = 'student'`,
  );
  const lostChargers = await q<{ person_id: string; device_id: string; at: Date }>(
    `SELECT person_id, device_id, checked_in_at AS at FROM device_assignments
      WHERE district_id = $1 AND person_id IS NOT NULL AND accessories_returned IS NOT NULL
        AND jsonb_array_length(accessories) > jsonb_array_length(accessories_returned)`,
  );
  const lostDevices = await q<{ person_id: string; device_id: string; at: Date }>(
    `SELECT person_id, device_id, at FROM device_events
      WHERE district_id = $1 AND type = 'status_changed' AND to_status = 'lost' AND person_id IS NOT NULL`,
  );

  const histories = new Map<string, FleetEvent[]>();
  for (const e of events) {
    const list = histories.get(e.device_id) ?? [];
    list.push({
      deviceId: e.device_id,
      type: e.type,
      at: ms(e.at),
      toStatus: e.to_status,
      note: e.note,
      assignmentId: e.assignment_id,
      personId: e.person_id,
      condition: e.condition,
    });
    histories.set(e.device_id, list);
  }
  const byPerson = new Map<string, { at: number; overridden: boolean }[]>();
  for (const c of checkouts) byPerson.set(c.person_id, [...(byPerson.get(c.person_id) ?? []), { at: ms(c.at), overridden: c.overridden }]);
  const demoStudent = featured.find((f) => f.role === 'student')?.person_id ?? null;
  return {
    it: { accountId: it.id, label: it.email },
    schools,
    modelIds,
    devices: new Map(
      devices.map((d) => [
        d.id,
        {
          id: d.id,
          tag: d.asset_tag,
          status: d.status,
          schoolId: d.school_id,
          model: d.model_id ? (modelById.get(d.model_id) ?? null) : null,
          warrantyEnd: d.warranty_end,
          location: d.location,
          createdAt: ms(d.created_at),
          lastAt: ms(d.last_at),
        },
      ]),
    ),
    open: new Map(open.map((a) => [a.device_id, toAssignment(a)])),
    damaged: new Map(damaged.map((a) => [a.id, toAssignment(a)])),
    damageHistories: histories,
    checkouts: byPerson,
    holds: holds.map((h) => ({
      id: h.id,
      personId: h.person_id,
      reason: h.reason,
      amount: h.amount,
      createdAt: ms(h.created_at),
      releasedAt: h.released_at ? ms(h.released_at) : null,
    })),
    featured: new Set(
      featured.flatMap((f) => (f.role === 'student' ? [f.person_id] : (f.children ?? []))).filter((id): id is string => !!id),
    ),
    demoStudent,
    studentSchool: new Map(students.map((s) => [s.id, s.school_id])),
    personKey: new Map(students.map((s) => [s.id, s.key])),
    lostChargers: lostChargers.map((c) => ({ personId: c.person_id, deviceId: c.device_id, at: ms(c.at) })),
    lostDevices: lostDevices.map((c) => ({ personId: c.person_id, deviceId: c.device_id, at: ms(c.at) })),
  };
}
