import { z } from 'zod';
import { limits } from '../limits';
import { deviceLimits, money, trimmed } from './devices';
import { repairLimits } from './device-repair-fields';

/** The repair desk's parts catalog and stock by school (issue 6). */

export const partStockSchema = z.object({
  /** null: the district's depot. */
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  quantity: z.number().int(),
  /** At or below the part's reorder level. */
  belowReorder: z.boolean(),
});

export const partSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  sku: z.string(),
  cost: z.string(),
  modelId: z.uuid().nullable(),
  modelName: z.string().nullable(),
  reorderLevel: z.number().int(),
  active: z.boolean(),
  stock: z.array(partStockSchema),
});
export type Part = z.infer<typeof partSchema>;

export const partInputSchema = z.object({
  name: trimmed(deviceLimits.textMax),
  sku: trimmed(deviceLimits.tagMax),
  cost: money,
  /** The model the part fits, when it fits only one. */
  modelId: z.uuid().nullable().optional(),
  reorderLevel: z.number().int().min(0).max(repairLimits.stockMax).optional(),
});
export const partPatchSchema = partInputSchema.partial().extend({ active: z.boolean().optional() });

export const partStockSetSchema = z.object({
  schoolId: z.uuid().nullable(),
  /** The count on the shelf now (a stock take or a delivery). */
  quantity: z.number().int().min(0).max(repairLimits.stockMax),
});

export const partsQuerySchema = z.object({
  q: z.string().trim().max(limits.searchMax).optional(),
  modelId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const reorderItemSchema = z.object({
  partId: z.uuid(),
  name: z.string(),
  sku: z.string(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  quantity: z.number().int(),
  reorderLevel: z.number().int(),
});
