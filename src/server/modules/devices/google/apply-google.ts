import type { Queryable } from '../../../db/client';
import type { GoogleDeviceImportReport } from '../../../../shared/api/device-imports';
import type { DeviceAuthor } from '../device-author';
import { changesOf, type GoogleColumns, type GooglePlan } from './plan-google';

const BATCH = 2000;
const recordset = `asset_tag text, model_id uuid, location text, org_unit_path text, last_sync timestamptz, os_version text,
  mac_address text, annotated_user text, aue_date date`;

/** Writes the plan: new Chromebook models, new devices (in stock), updated ones, and an event for each device changed. */
export async function applyGooglePlan(
  tx: Queryable,
  author: DeviceAuthor,
  file: string,
  plan: GooglePlan,
  counts: GoogleDeviceImportReport['counts'],
) {
  for (const m of plan.newModels.values()) {
    const { rows } = await tx.query<{ id: string }>(
      "INSERT INTO device_models (district_id, name, category) VALUES ($1, $2, 'chromebook') RETURNING id",
      [author.districtId, m.name],
    );
    m.id = rows[0]!.id;
    counts.models.created++;
  }
  const withModel = (p: { cols: GoogleColumns; newModel: string | null }): GoogleColumns =>
    p.newModel ? { ...p.cols, model_id: plan.newModels.get(p.newModel)!.id! } : p.cols;

  for (let i = 0; i < plan.creates.length; i += BATCH) {
    const batch = plan.creates.slice(i, i + BATCH);
    const { rows } = await tx.query<{ id: string; serial: string }>(
      `INSERT INTO devices (district_id, serial, status, asset_tag, model_id, location, org_unit_path, last_sync, os_version,
                            mac_address, annotated_user, aue_date)
       SELECT $1, x.serial, 'in_stock', x.asset_tag, x.model_id, x.location, x.org_unit_path, x.last_sync, x.os_version,
              x.mac_address, x.annotated_user, x.aue_date
         FROM jsonb_to_recordset($2::jsonb) AS x(serial text, ${recordset})
       RETURNING id, serial`,
      [author.districtId, JSON.stringify(batch.map((c) => ({ ...withModel(c), serial: c.serial })))],
    );
    const rowOf = new Map(batch.map((c) => [c.serial, c.row]));
    await insertEvents(
      tx,
      author,
      rows.map((d) => ({
        device_id: d.id,
        type: 'imported',
        to_status: 'in_stock',
        details: { file, row: rowOf.get(d.serial), source: 'google' },
      })),
    );
    counts.devices.created += rows.length;
  }

  for (let i = 0; i < plan.updates.length; i += BATCH) {
    const batch = plan.updates.slice(i, i + BATCH);
    await tx.query(
      `UPDATE devices d SET asset_tag = x.asset_tag, model_id = x.model_id, location = x.location, org_unit_path = x.org_unit_path,
              last_sync = x.last_sync, os_version = x.os_version, mac_address = x.mac_address, annotated_user = x.annotated_user,
              aue_date = x.aue_date, updated_at = now()
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, ${recordset})
        WHERE d.id = x.id AND d.district_id = $1`,
      [author.districtId, JSON.stringify(batch.map((u) => ({ ...withModel(u), id: u.device.id })))],
    );
    await insertEvents(
      tx,
      author,
      batch.map((u) => ({
        device_id: u.device.id,
        type: 'updated',
        details: { file, row: u.row, source: 'google', changes: changesOf(u.device, withModel(u)) },
      })),
    );
    counts.devices.updated += batch.length;
  }
  counts.devices.unchanged = plan.unchanged;
}

async function insertEvents(
  tx: Queryable,
  author: DeviceAuthor,
  events: { device_id: string; type: string; to_status?: string; details: unknown }[],
) {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO device_events (district_id, device_id, actor_account_id, actor_label, type, to_status, details)
     SELECT $1, x.device_id, $2, $3, x.type, x.to_status, x.details
       FROM jsonb_to_recordset($4::jsonb) AS x(device_id uuid, type text, to_status text, details jsonb)`,
    [author.districtId, author.accountId, author.label, JSON.stringify(events)],
  );
}
