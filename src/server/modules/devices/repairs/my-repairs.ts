import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import type { myDevicesSchema } from '../../../../shared/api/device-people';
import { ledgerOf } from './fee-ledger';

type MyItem = z.infer<typeof myDevicesSchema>['items'][number];
export type MyRepairsAndFees = Pick<MyItem, 'repairs' | 'fees'>;

/**
 * What a student or family sees of repairs and fees, for people the caller already resolved to
 * themselves and their children: repairs in progress, the balance and the statement lines —
 * without the staff who recorded them or the reasons written for staff.
 */
export async function myRepairsAndFees(db: Queryable, districtId: string, personIds: string[]): Promise<Map<string, MyRepairsAndFees>> {
  const [repairs, ledger] = await Promise.all([
    db.query<{
      id: string;
      person_id: string;
      asset_tag: string | null;
      kind: MyItem['repairs'][number]['kind'];
      status: MyItem['repairs'][number]['status'];
      description: string;
      opened_at: Date;
      ready_at: Date | null;
    }>(
      `SELECT r.id, r.person_id, d.asset_tag, r.kind, r.status, r.description, r.opened_at, r.ready_at
         FROM device_repairs r JOIN devices d ON d.id = r.device_id
        WHERE r.person_id = ANY($1::uuid[]) AND r.district_id = $2 AND r.status NOT IN ('closed', 'cancelled')
        ORDER BY r.opened_at`,
      [personIds, districtId],
    ),
    ledgerOf(db, districtId, personIds),
  ]);
  const out = new Map<string, MyRepairsAndFees>();
  for (const id of personIds) {
    const lines = ledger.filter((l) => l.personId === id);
    out.set(id, {
      repairs: repairs.rows
        .filter((r) => r.person_id === id)
        .map((r) => ({
          id: r.id,
          assetTag: r.asset_tag,
          kind: r.kind,
          status: r.status,
          description: r.description,
          openedAt: r.opened_at.toISOString(),
          readyAt: r.ready_at?.toISOString() ?? null,
        })),
      fees: {
        balance: lines.at(-1)?.balance ?? '0.00',
        lines: lines.map((l) => ({
          at: l.at,
          kind: l.kind,
          description: l.description,
          descriptionEs: l.descriptionEs,
          amount: l.amount,
          free: l.free,
          method: l.method,
          reference: l.reference,
          balance: l.balance,
        })),
      },
    });
  }
  return out;
}
