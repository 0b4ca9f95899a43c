import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { Params } from '../../../platform/sql';
import type { deviceExportQuerySchema } from '../../../../shared/api/device-reports';
import { deviceFrom, personNameSql } from '../devices.repository';
import { deviceFilter } from '../list-devices';
import type { ExportRow } from './export-columns';

export type ExportQuery = z.output<typeof deviceExportQuerySchema>;

/** Rows fetched per query: memory holds one batch of devices (and the ordered ids), whatever the fleet. */
const BATCH = 1000;

export interface ExportPlan {
  /** Matching device ids in export order. */
  ids: string[];
  /** Custom field names used by those devices, sorted: one column each. */
  customFields: string[];
}

export async function planExport(db: Queryable, actor: Actor, q: ExportQuery): Promise<ExportPlan> {
  const params = new Params();
  const { where, order } = deviceFilter(actor, q, params);
  const [ids, custom] = await Promise.all([
    db.query<{ id: string }>(`SELECT d.id FROM ${deviceFrom} WHERE ${where} ORDER BY ${order}`, params.values),
    db.query<{ k: string }>(
      `SELECT DISTINCT k FROM ${deviceFrom} CROSS JOIN LATERAL jsonb_object_keys(d.custom_fields) AS k WHERE ${where} ORDER BY k`,
      params.values,
    ),
  ]);
  return { ids: ids.rows.map((r) => r.id), customFields: custom.rows.map((r) => r.k) };
}

/** The devices of a plan, a batch at a time, in the plan's order. */
export async function* readExportRows(db: Queryable, districtId: string, ids: string[]): AsyncGenerator<ExportRow[]> {
  for (let i = 0; i < ids.length; i += BATCH) {
    const { rows } = await db.query<ExportRow>(
      `SELECT d.asset_tag, d.serial, m.name AS model_name, m.manufacturer, m.category, d.status, s.name AS school_name, d.location,
              d.purchase_date, d.cost::text AS cost, d.funding_source, d.warranty_end, d.aue_date, d.notes, d.mac_address, d.custom_fields,
              a.kind, a.assignee_type, ${personNameSql('ap')} AS assignee_name, ap.identifier AS assignee_identifier,
              a.label AS assignee_label
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n)
         JOIN devices d ON d.id = x.id AND d.district_id = $2
         LEFT JOIN device_models m ON m.id = d.model_id
         LEFT JOIN schools s ON s.id = d.school_id
         LEFT JOIN device_assignments a ON a.device_id = d.id AND a.checked_in_at IS NULL
         LEFT JOIN people ap ON ap.id = a.person_id
        ORDER BY x.n`,
      [ids.slice(i, i + BATCH), districtId],
    );
    yield rows;
  }
}
