import { z } from 'zod';
import {
  balancesPageSchema,
  feePriceSchema,
  repairChargeResultSchema,
  statementSchema,
  type FeePrice,
  type Statement,
} from '../../shared/api/device-fees';
import { loanerPoolItemSchema, overdueLoanSchema } from '../../shared/api/device-loaners';
import { partSchema, reorderItemSchema } from '../../shared/api/device-parts';
import { repairDetailSchema, repairResultSchema, repairsPageSchema } from '../../shared/api/device-repairs';
import { http } from './http';

export type { FeePrice, Statement };
export type RepairDetail = z.infer<typeof repairDetailSchema>;
export type RepairSummary = z.infer<typeof repairsPageSchema>['items'][number];
export type Part = z.infer<typeof partSchema>;
export type LoanerPoolItem = z.infer<typeof loanerPoolItemSchema>;
export type OverdueLoan = z.infer<typeof overdueLoanSchema>;
export type RepairKind = RepairDetail['kind'];
export type RepairStatus = RepairDetail['status'];

const id = (value: string) => encodeURIComponent(value);
const ok = z.object({ ok: z.literal(true) });

// ---- repairs ----

export interface RepairsQuery {
  status?: RepairStatus;
  open?: 'true' | 'false';
  schoolId?: string;
  personId?: string;
  deviceId?: string;
  page?: number;
  pageSize?: number;
}
export const fetchRepairs = (query: RepairsQuery) => http.get('/api/devices/repairs', repairsPageSchema, { ...query });
export const fetchRepair = (repairId: string) => http.get(`/api/devices/repairs/${id(repairId)}`, repairDetailSchema);
export const openRepair = (
  deviceId: string,
  body: { kind: RepairKind; description: string; vendor?: string | null; laborCost?: string; ticketRef?: string | null },
) => http.post(`/api/devices/${id(deviceId)}/repairs`, repairResultSchema, body);
export const addRepairPart = (repairId: string, body: { partId: string; quantity: number; schoolId?: string | null }) =>
  http.post(`/api/devices/repairs/${id(repairId)}/parts`, repairResultSchema, body);
export const changeRepairStatus = (
  repairId: string,
  body: {
    status: 'sent_to_vendor' | 'ready_for_pickup' | 'closed' | 'cancelled';
    note?: string;
    returnTo?: 'holder' | 'stock';
    holdOverrideReason?: string;
    loanerCondition?: 'new' | 'good' | 'fair' | 'poor' | 'damaged';
  },
) => http.post(`/api/devices/repairs/${id(repairId)}/status`, repairResultSchema, body);
export const lendLoaner = (
  repairId: string,
  body: { deviceId: string; dueOn: string; accessories?: string[]; holdOverrideReason?: string },
) => http.post(`/api/devices/repairs/${id(repairId)}/loaner`, repairResultSchema, body);
export const returnLoaner = (repairId: string, body: { condition: 'new' | 'good' | 'fair' | 'poor' | 'damaged'; note?: string }) =>
  http.post(`/api/devices/repairs/${id(repairId)}/loaner/return`, repairResultSchema, body);
export const chargeRepairFees = (repairId: string) => http.post(`/api/devices/repairs/${id(repairId)}/fees`, repairChargeResultSchema);

// ---- parts ----

export const fetchParts = (query: { q?: string; modelId?: string; includeInactive?: 'true' | 'false' } = {}) =>
  http.get('/api/devices/parts', z.object({ items: z.array(partSchema) }), query);
export const fetchReorder = () => http.get('/api/devices/parts/reorder', z.object({ items: z.array(reorderItemSchema) }));
export const createPart = (body: { name: string; sku: string; cost: string; modelId?: string | null; reorderLevel?: number }) =>
  http.post('/api/devices/parts', partSchema, body);
export const setPartStock = (partId: string, body: { schoolId: string | null; quantity: number }) =>
  http.put(`/api/devices/parts/${id(partId)}/stock`, partSchema, body);

// ---- loaners ----

export const fetchLoanerPool = (query: { schoolId?: string; available?: 'true' | 'false' } = {}) =>
  http.get('/api/devices/loaners', z.object({ items: z.array(loanerPoolItemSchema) }), query);
export const fetchOverdueLoans = (schoolId?: string) =>
  http.get('/api/devices/loaners/overdue', z.object({ items: z.array(overdueLoanSchema) }), { schoolId });
export const addToLoanerPool = (deviceId: string, schoolId: string) => http.put(`/api/devices/loaners/${id(deviceId)}`, ok, { schoolId });
export const removeFromLoanerPool = (deviceId: string) => http.delete(`/api/devices/loaners/${id(deviceId)}`, ok);

// ---- fees ----

export const fetchFeePrices = () => http.get('/api/devices/fee-prices', z.object({ items: z.array(feePriceSchema) }));
export const createFeePrice = (body: { name: string; damageKind?: RepairKind; partId?: string; amount: string; freePerYear?: number }) =>
  http.post('/api/devices/fee-prices', feePriceSchema, body);
export const updateFeePrice = (priceId: string, body: { name?: string; amount?: string; freePerYear?: number; active?: boolean }) =>
  http.patch(`/api/devices/fee-prices/${id(priceId)}`, feePriceSchema, body);
export const fetchBalances = (query: { schoolId?: string; page?: number; pageSize?: number } = {}) =>
  http.get('/api/devices/fees/balances', balancesPageSchema, query);
export const fetchStatement = (personId: string) => http.get(`/api/devices/fees/people/${id(personId)}`, statementSchema);
export const recordCharge = (body: { personId: string; amount: string; description: string; repairId?: string }) =>
  http.post('/api/devices/fees/charges', statementSchema, body);
export const recordPayment = (body: {
  personId: string;
  amount: string;
  method: 'cash' | 'check' | 'online' | 'other';
  reference?: string;
  note?: string;
}) => http.post('/api/devices/fees/payments', statementSchema, body);
export const recordWaiver = (body: { personId: string; amount: string; reason: string }) =>
  http.post('/api/devices/fees/waivers', statementSchema, body);

/** Everything repairs and fees change lives under the devices keys, so one invalidation refreshes it all. */
export const repairKeys = {
  list: (query: RepairsQuery) => ['devices', 'repairs', query] as const,
  detail: (repairId: string) => ['devices', 'repair', repairId] as const,
  parts: ['devices', 'parts'] as const,
  reorder: ['devices', 'parts', 'reorder'] as const,
  pool: (query: object) => ['devices', 'loaners', query] as const,
  overdue: ['devices', 'loaners', 'overdue'] as const,
  prices: ['devices', 'fee-prices'] as const,
  balances: (query: object) => ['devices', 'balances', query] as const,
  statement: (personId: string) => ['devices', 'statement', personId] as const,
};
