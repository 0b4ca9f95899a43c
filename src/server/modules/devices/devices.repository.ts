import type { Queryable } from '../../db/client';
import type { Assignee, Assignment, DeviceEvent, DeviceStatus, DeviceSummary } from '../../../shared/api/devices';

/** A person's display name in SQL, on a `people` row aliased `p`. */
export const personNameSql = (p: string) => `coalesce(${p}.preferred_given_name, ${p}.given_name) || ' ' || ${p}.family_name`;

/** The columns a device summary needs; use with `deviceFrom`. */
export const deviceSummaryColumns = `
  d.id, d.asset_tag, d.serial, d.status, d.model_id, m.name AS model_name, m.category, d.school_id, s.name AS school_name,
  d.location, coalesce(d.aue_date, m.aue_date) AS effective_aue, d.updated_at,
  a.assignee_type, a.person_id AS assignee_person_id, a.label AS assignee_label,
  ${personNameSql('ap')} AS assignee_name, ap.identifier AS assignee_identifier`;

export const deviceFrom = `
  devices d
  LEFT JOIN device_models m ON m.id = d.model_id
  LEFT JOIN schools s ON s.id = d.school_id
  LEFT JOIN device_assignments a ON a.device_id = d.id AND a.checked_in_at IS NULL
  LEFT JOIN people ap ON ap.id = a.person_id`;

export interface DeviceSummaryRow {
  id: string;
  asset_tag: string | null;
  serial: string;
  status: DeviceStatus;
  model_id: string | null;
  model_name: string | null;
  category: DeviceSummary['category'];
  school_id: string | null;
  school_name: string | null;
  location: string | null;
  effective_aue: string | null;
  updated_at: Date;
  assignee_type: Assignee['type'] | null;
  assignee_person_id: string | null;
  assignee_label: string | null;
  assignee_name: string | null;
  assignee_identifier: string | null;
}

function assigneeOf(type: Assignee['type'], personId: string | null, name: string | null, label: string | null, identifier: string | null) {
  return { type, personId, name: personId ? (name ?? '') : (label ?? ''), identifier: personId ? identifier : null };
}

export function toDeviceSummary(r: DeviceSummaryRow): DeviceSummary {
  return {
    id: r.id,
    assetTag: r.asset_tag,
    serial: r.serial,
    status: r.status,
    modelId: r.model_id,
    modelName: r.model_name,
    category: r.category,
    schoolId: r.school_id,
    schoolName: r.school_name,
    location: r.location,
    aueDate: r.effective_aue,
    assignee: r.assignee_type
      ? assigneeOf(r.assignee_type, r.assignee_person_id, r.assignee_name, r.assignee_label, r.assignee_identifier)
      : null,
  };
}

/** One device summary by id within a district (no role scope: callers check that first). */
export async function deviceSummaryById(db: Queryable, districtId: string, id: string): Promise<DeviceSummary | undefined> {
  const { rows } = await db.query<DeviceSummaryRow>(
    `SELECT ${deviceSummaryColumns} FROM ${deviceFrom} WHERE d.id = $1 AND d.district_id = $2`,
    [id, districtId],
  );
  return rows[0] && toDeviceSummary(rows[0]);
}

export interface LockedDevice {
  id: string;
  asset_tag: string | null;
  serial: string;
  status: DeviceStatus;
  school_id: string | null;
}

/** Locks a device for a status change, so two scans of one device cannot both win. */
export async function lockDevice(db: Queryable, districtId: string, id: string): Promise<LockedDevice | undefined> {
  const { rows } = await db.query<LockedDevice>(
    'SELECT id, asset_tag, serial, status, school_id FROM devices WHERE id = $1 AND district_id = $2 FOR UPDATE',
    [id, districtId],
  );
  return rows[0];
}

const byTag = `district_id = $1 AND (upper(asset_tag) = upper($2) OR upper(serial) = upper($2))
  ORDER BY (upper(asset_tag) = upper($2)) DESC NULLS LAST LIMIT 1`;

/**
 * Finds and locks a device by what a scanner reads, in one round trip: the scan station's
 * answer time is mostly round trips, so the lookup and the lock share one.
 */
export async function lockDeviceByTag(db: Queryable, districtId: string, tag: string): Promise<LockedDevice | undefined> {
  const { rows } = await db.query<LockedDevice>(`SELECT id, asset_tag, serial, status, school_id FROM devices WHERE ${byTag} FOR UPDATE`, [
    districtId,
    tag,
  ]);
  return rows[0];
}

/** A device by what a scanner reads: the asset tag, else the serial (either case). */
export async function findDeviceIdByTag(db: Queryable, districtId: string, tag: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM devices WHERE ${byTag}`, [districtId, tag]);
  return rows[0]?.id;
}

export async function setDeviceStatus(db: Queryable, id: string, status: DeviceStatus): Promise<void> {
  await db.query('UPDATE devices SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
}

// ---- assignments ----

export const assignmentColumns = `
  a.id, a.device_id, a.kind, a.assignee_type, a.person_id, a.label, ${personNameSql('ap')} AS person_name, ap.identifier,
  a.checked_out_at, a.checked_out_by, a.condition_out, a.accessories, a.due_on, a.checked_in_at, a.checked_in_by,
  a.condition_in, a.accessories_returned`;

export interface AssignmentRow {
  id: string;
  device_id: string;
  kind: Assignment['kind'];
  assignee_type: Assignee['type'];
  person_id: string | null;
  label: string | null;
  person_name: string | null;
  identifier: string | null;
  checked_out_at: Date;
  checked_out_by: string;
  condition_out: string | null;
  accessories: string[];
  due_on: string | null;
  checked_in_at: Date | null;
  checked_in_by: string | null;
  condition_in: string | null;
  accessories_returned: string[] | null;
}

export function toAssignment(r: AssignmentRow): Assignment {
  return {
    id: r.id,
    deviceId: r.device_id,
    kind: r.kind,
    assignee: assigneeOf(r.assignee_type, r.person_id, r.person_name, r.label, r.identifier),
    checkedOutAt: r.checked_out_at.toISOString(),
    checkedOutBy: r.checked_out_by,
    conditionOut: r.condition_out,
    accessories: r.accessories,
    dueOn: r.due_on,
    checkedInAt: r.checked_in_at?.toISOString() ?? null,
    checkedInBy: r.checked_in_by,
    conditionIn: r.condition_in,
    accessoriesReturned: r.accessories_returned,
  };
}

export async function assignmentById(db: Queryable, id: string): Promise<Assignment> {
  const { rows } = await db.query<AssignmentRow>(
    `SELECT ${assignmentColumns} FROM device_assignments a LEFT JOIN people ap ON ap.id = a.person_id WHERE a.id = $1`,
    [id],
  );
  return toAssignment(rows[0]!);
}

// ---- events ----

export interface NewDeviceEvent {
  districtId: string;
  deviceId: string;
  actorAccountId: string | null;
  actorLabel: string;
  type: DeviceEvent['type'];
  fromStatus?: DeviceStatus | null;
  toStatus?: DeviceStatus | null;
  personId?: string | null;
  assignmentId?: string | null;
  condition?: string | null;
  note?: string | null;
  undoes?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one event to a device's history and returns its id (the undo token of a scan). */
export async function appendDeviceEvent(db: Queryable, e: NewDeviceEvent): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO device_events (district_id, device_id, actor_account_id, actor_label, type, from_status, to_status, person_id,
                                assignment_id, condition, note, undoes, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      e.districtId,
      e.deviceId,
      e.actorAccountId,
      e.actorLabel,
      e.type,
      e.fromStatus ?? null,
      e.toStatus ?? null,
      e.personId ?? null,
      e.assignmentId ?? null,
      e.condition ?? null,
      e.note ?? null,
      e.undoes ?? null,
      JSON.stringify(e.details ?? {}),
    ],
  );
  return rows[0]!.id;
}

export const eventColumns = `
  e.id, e.device_id, e.at, e.type, e.actor_label, e.from_status, e.to_status, e.person_id, ${personNameSql('ep')} AS person_name,
  e.condition, e.note, e.details`;

export interface EventRow {
  id: string;
  device_id: string;
  at: Date;
  type: DeviceEvent['type'];
  actor_label: string;
  from_status: DeviceStatus | null;
  to_status: DeviceStatus | null;
  person_id: string | null;
  person_name: string | null;
  condition: string | null;
  note: string | null;
  details: Record<string, unknown>;
}

export function toDeviceEvent(r: EventRow): DeviceEvent {
  return {
    id: r.id,
    at: r.at.toISOString(),
    type: r.type,
    actor: r.actor_label,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    personId: r.person_id,
    personName: r.person_id ? r.person_name : null,
    condition: r.condition,
    note: r.note,
    details: r.details,
  };
}
