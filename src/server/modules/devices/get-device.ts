import type { Queryable } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { Params } from '../../platform/sql';
import type { DeviceDetail } from '../../../shared/api/devices';
import {
  assignmentColumns,
  deviceFrom,
  deviceSummaryColumns,
  eventColumns,
  toAssignment,
  toDeviceEvent,
  toDeviceSummary,
  type AssignmentRow,
  type DeviceSummaryRow,
  type EventRow,
} from './devices.repository';
import { visibleDevices } from './device-scope';

/** How much history one device page shows; a device rarely has more. */
const HISTORY_MAX = 500;

interface DetailRow extends DeviceSummaryRow {
  manufacturer: string | null;
  purchase_date: string | null;
  cost: string | null;
  funding_source: DeviceDetail['fundingSource'];
  warranty_end: string | null;
  aue_date: string | null;
  notes: string | null;
  custom_fields: Record<string, unknown>;
  org_unit_path: string | null;
  last_sync: Date | null;
  os_version: string | null;
  mac_address: string | null;
  annotated_user: string | null;
  created_at: Date;
}

/** One device with its assignments and history, if this actor may see it (404 otherwise). */
export async function getDevice(db: Queryable, actor: Actor, id: string): Promise<DeviceDetail> {
  const params = new Params([id]);
  const { rows } = await db.query<DetailRow>(
    `SELECT ${deviceSummaryColumns}, m.manufacturer, d.purchase_date, d.cost, d.funding_source, d.warranty_end, d.aue_date,
            d.notes, d.custom_fields, d.org_unit_path, d.last_sync, d.os_version, d.mac_address, d.annotated_user, d.created_at
       FROM ${deviceFrom} WHERE d.id = $1 AND ${visibleDevices(actor, 'd', params)}`,
    params.values,
  );
  const r = rows[0];
  if (!r) throw notFound('Device');
  const [assignments, events] = await Promise.all([
    db.query<AssignmentRow>(
      `SELECT ${assignmentColumns} FROM device_assignments a LEFT JOIN people ap ON ap.id = a.person_id
        WHERE a.device_id = $1 AND a.voided_at IS NULL ORDER BY a.checked_out_at DESC, a.id`,
      [id],
    ),
    db.query<EventRow>(
      `SELECT ${eventColumns} FROM device_events e LEFT JOIN people ep ON ep.id = e.person_id
        WHERE e.device_id = $1 ORDER BY e.seq DESC LIMIT ${HISTORY_MAX}`,
      [id],
    ),
  ]);
  const list = assignments.rows.map(toAssignment);
  return {
    ...toDeviceSummary(r),
    manufacturer: r.manufacturer,
    purchaseDate: r.purchase_date,
    cost: r.cost,
    fundingSource: r.funding_source,
    warrantyEnd: r.warranty_end,
    aueOverride: r.aue_date,
    notes: r.notes,
    customFields: r.custom_fields,
    google: {
      orgUnitPath: r.org_unit_path,
      lastSync: r.last_sync?.toISOString() ?? null,
      osVersion: r.os_version,
      macAddress: r.mac_address,
      annotatedUser: r.annotated_user,
    },
    currentAssignment: list.find((a) => a.checkedInAt === null) ?? null,
    assignments: list,
    history: events.rows.map(toDeviceEvent),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
