import type { z } from 'zod';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { Params } from '../../platform/sql';
import type { DeviceSummary, devicesQuerySchema } from '../../../shared/api/devices';
import { deviceFrom, deviceSummaryColumns, toDeviceSummary, type DeviceSummaryRow } from './devices.repository';
import { visibleDevices } from './device-scope';

type Query = z.output<typeof devicesQuerySchema>;

const sortColumns: Record<string, string> = {
  tag: 'upper(d.asset_tag), upper(d.serial), d.id',
  serial: 'upper(d.serial), d.id',
  status: 'd.status, upper(d.asset_tag), d.id',
  updated: 'd.updated_at, d.id',
};

const likeWord = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The list's filters and sort; the export takes the same without paging. */
export type DeviceFilterQuery = Pick<Query, 'q' | 'status' | 'schoolId' | 'modelId' | 'sort'>;

/**
 * GET /api/devices's search, filters, scope and sort as SQL on `deviceFrom`: the list pages it,
 * the export (export/read-export.ts) streams every match, so both hold the same devices.
 */
export function deviceFilter(actor: Actor, q: DeviceFilterQuery, params: Params): { where: string; order: string } {
  const where = [visibleDevices(actor, 'd', params)];
  if (q.status) where.push(`d.status = ${params.add(q.status)}`);
  if (q.schoolId) where.push(`d.school_id = ${params.add(q.schoolId)}`);
  if (q.modelId) where.push(`d.model_id = ${params.add(q.modelId)}`);
  // Every word must match the tag, the serial, the assignee (name, ID, email) or the cart/room label.
  for (const word of (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
    const w = params.add(likeWord(word));
    where.push(`(lower(d.asset_tag) LIKE ${w} OR lower(d.serial) LIKE ${w} OR ap.search_text LIKE ${w} OR lower(a.label) LIKE ${w})`);
  }
  const desc = q.sort.startsWith('-');
  const order = sortColumns[q.sort.replace(/^-/, '')]!.split(', ')
    .map((c) => `${c}${desc ? ' DESC' : ''}`)
    .join(', ');
  return { where: where.join(' AND '), order };
}

/** A page of the devices this actor may see, searched, filtered and sorted in SQL. */
export async function listDevices(db: Queryable, actor: Actor, q: Query): Promise<{ items: DeviceSummary[]; total: number }> {
  const params = new Params();
  const { where: whereSql, order } = deviceFilter(actor, q, params);
  const countParams = params.values.slice();
  const limit = params.add(q.pageSize);
  const offset = params.add((q.page - 1) * q.pageSize);
  const [page, count] = await Promise.all([
    db.query<DeviceSummaryRow>(
      `SELECT ${deviceSummaryColumns} FROM ${deviceFrom} WHERE ${whereSql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${deviceFrom} WHERE ${whereSql}`, countParams),
  ]);
  return { items: page.rows.map(toDeviceSummary), total: count.rows[0]!.n };
}
