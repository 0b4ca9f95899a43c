import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { notFound } from '../../../platform/errors';
import { Params } from '../../../platform/sql';
import type { Part, partsQuerySchema, reorderItemSchema } from '../../../../shared/api/device-parts';
import { visibleAtSchool } from './repair-scope';

type Query = z.output<typeof partsQuerySchema>;
type ReorderItem = z.infer<typeof reorderItemSchema>;

interface PartRow {
  id: string;
  name: string;
  sku: string;
  cost: string;
  model_id: string | null;
  model_name: string | null;
  reorder_level: number;
  active: boolean;
  stock: { schoolId: string | null; schoolName: string | null; quantity: number }[];
}

/** The parts catalog with each site's stock (a principal: their schools' stock), searched by name or SKU. */
export async function listParts(db: Queryable, actor: Actor, q: Query & { id?: string }): Promise<Part[]> {
  const params = new Params([actor.districtId]);
  const where = ['pt.district_id = $1'];
  if (q.id) where.push(`pt.id = ${params.add(q.id)}`);
  if (q.includeInactive !== 'true' && !q.id) where.push('pt.active');
  if (q.modelId) where.push(`(pt.model_id = ${params.add(q.modelId)} OR pt.model_id IS NULL)`);
  if (q.q) {
    const w = params.add(`%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(lower(pt.name) LIKE ${w} OR lower(pt.sku) LIKE ${w})`);
  }
  const stockScope = visibleAtSchool(actor, 'st', params);
  const { rows } = await db.query<PartRow>(
    `SELECT pt.id, pt.name, pt.sku, pt.cost, pt.model_id, m.name AS model_name, pt.reorder_level, pt.active,
            coalesce((SELECT json_agg(json_build_object('schoolId', st.school_id, 'schoolName', s.name, 'quantity', st.quantity)
                                      ORDER BY s.name NULLS FIRST)
                        FROM device_part_stock st LEFT JOIN schools s ON s.id = st.school_id
                       WHERE st.part_id = pt.id AND ${stockScope}), '[]') AS stock
       FROM device_parts pt LEFT JOIN device_models m ON m.id = pt.model_id
      WHERE ${where.join(' AND ')} ORDER BY lower(pt.name), pt.sku LIMIT 2000`,
    params.values,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sku: r.sku,
    cost: r.cost,
    modelId: r.model_id,
    modelName: r.model_name,
    reorderLevel: r.reorder_level,
    active: r.active,
    stock: r.stock.map((s) => ({ ...s, belowReorder: s.quantity <= r.reorder_level })),
  }));
}

export async function getPart(db: Queryable, actor: Actor, id: string): Promise<Part> {
  const part = (await listParts(db, actor, { id }))[0];
  if (!part) throw notFound('Part');
  return part;
}

/** Sites whose stock of an active part is at or below its reorder level, lowest first. */
export async function reorderList(db: Queryable, actor: Actor): Promise<ReorderItem[]> {
  const params = new Params();
  const scope = visibleAtSchool(actor, 'st', params);
  const { rows } = await db.query<{
    part_id: string;
    name: string;
    sku: string;
    school_id: string | null;
    school_name: string | null;
    quantity: number;
    reorder_level: number;
  }>(
    `SELECT st.part_id, pt.name, pt.sku, st.school_id, s.name AS school_name, st.quantity, pt.reorder_level
       FROM device_part_stock st JOIN device_parts pt ON pt.id = st.part_id LEFT JOIN schools s ON s.id = st.school_id
      WHERE ${scope} AND pt.active AND st.quantity <= pt.reorder_level
      ORDER BY st.quantity - pt.reorder_level, lower(pt.name), s.name NULLS FIRST`,
    params.values,
  );
  return rows.map((r) => ({
    partId: r.part_id,
    name: r.name,
    sku: r.sku,
    schoolId: r.school_id,
    schoolName: r.school_name,
    quantity: r.quantity,
    reorderLevel: r.reorder_level,
  }));
}
