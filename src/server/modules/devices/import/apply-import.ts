import type { Queryable } from '../../../db/client';
import type { DeviceImportReport } from '../../../../shared/api/device-imports';
import type { DeviceAuthor } from '../device-author';
import { compared, differs, type DeviceColumns } from './import-types';
import type { Plan } from './plan-import';

const BATCH = 2000;

const recordsetColumns = `asset_tag text, model_id uuid, status text, school_id uuid, location text, purchase_date date, cost numeric,
  funding_source text, warranty_end date, aue_date date, notes text, mac_address text, custom_fields jsonb`;

/** Writes the plan: new models, then devices in batches, with an event per device changed. */
export async function applyPlan(tx: Queryable, author: DeviceAuthor, file: string, plan: Plan, counts: DeviceImportReport['counts']) {
  for (const m of plan.newModels.values()) {
    const { rows } = await tx.query<{ id: string }>(
      'INSERT INTO device_models (district_id, manufacturer, name, category) VALUES ($1, $2, $3, $4) RETURNING id',
      [author.districtId, m.manufacturer, m.name, m.category],
    );
    m.id = rows[0]!.id;
    counts.models.created++;
  }
  const withModel = <T extends { cols: DeviceColumns; modelKey: string | null }>(p: T) =>
    p.modelKey ? { ...p.cols, model_id: plan.newModels.get(p.modelKey)!.id! } : p.cols;
  const actor = [author.districtId, author.accountId, author.label] as const;

  for (let i = 0; i < plan.creates.length; i += BATCH) {
    const batch = plan.creates.slice(i, i + BATCH);
    const { rows } = await tx.query<{ id: string; serial: string; status: string }>(
      `INSERT INTO devices (district_id, serial, asset_tag, model_id, status, school_id, location, purchase_date, cost, funding_source,
                            warranty_end, aue_date, notes, mac_address, custom_fields)
       SELECT $1, x.serial, x.asset_tag, x.model_id, x.status, x.school_id, x.location, x.purchase_date, x.cost, x.funding_source,
              x.warranty_end, x.aue_date, x.notes, x.mac_address, coalesce(x.custom_fields, '{}')
         FROM jsonb_to_recordset($2::jsonb) AS x(serial text, ${recordsetColumns})
       RETURNING id, serial, status`,
      [author.districtId, JSON.stringify(batch.map((c) => ({ ...withModel(c), serial: c.serial })))],
    );
    const rowOf = new Map(batch.map((c) => [c.serial, c.row]));
    await insertEvents(
      tx,
      actor,
      rows.map((d) => ({ device_id: d.id, type: 'imported', to_status: d.status, details: { file, row: rowOf.get(d.serial) } })),
    );
    counts.devices.created += rows.length;
  }

  for (let i = 0; i < plan.updates.length; i += BATCH) {
    const batch = plan.updates.slice(i, i + BATCH);
    await tx.query(
      `UPDATE devices d SET asset_tag = x.asset_tag, model_id = x.model_id, status = x.status, school_id = x.school_id,
              location = x.location, purchase_date = x.purchase_date, cost = x.cost, funding_source = x.funding_source,
              warranty_end = x.warranty_end, aue_date = x.aue_date, notes = x.notes, mac_address = x.mac_address,
              custom_fields = x.custom_fields, updated_at = now()
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, ${recordsetColumns})
        WHERE d.id = x.id AND d.district_id = $1`,
      [author.districtId, JSON.stringify(batch.map((u) => ({ ...withModel(u), id: u.device.id })))],
    );
    const events = batch.flatMap((u) => {
      const next = withModel(u);
      const changes = Object.fromEntries(
        compared.filter((c) => c !== 'status' && differs(u.device[c], next[c])).map((c) => [c, { from: u.device[c], to: next[c] }]),
      );
      const out = [];
      if (Object.keys(changes).length > 0) out.push({ device_id: u.device.id, type: 'updated', details: { file, row: u.row, changes } });
      if (next.status !== u.device.status) {
        out.push({
          device_id: u.device.id,
          type: 'status_changed',
          from_status: u.device.status,
          to_status: next.status,
          note: `import of ${file}`,
          details: { file, row: u.row },
        });
      }
      return out;
    });
    await insertEvents(tx, actor, events);
    counts.devices.updated += batch.length;
  }
  counts.devices.unchanged = plan.unchanged;
}

async function insertEvents(
  tx: Queryable,
  [districtId, accountId, label]: readonly [string, string | null, string],
  events: { device_id: string; type: string; from_status?: string; to_status?: string; note?: string; details: unknown }[],
) {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO device_events (district_id, device_id, actor_account_id, actor_label, type, from_status, to_status, note, details)
     SELECT $1, x.device_id, $2, $3, x.type, x.from_status, x.to_status, x.note, x.details
       FROM jsonb_to_recordset($4::jsonb) AS x(device_id uuid, type text, from_status text, to_status text, note text, details jsonb)`,
    [districtId, accountId, label, JSON.stringify(events)],
  );
}
