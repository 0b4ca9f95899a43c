import { fromCents, toCents } from '../devices/money';
import { feeHoldReason } from '../devices/repairs/fee-ledger';
import type { FleetHold } from './demo-device-repair-read';
import type { Rng } from './generate-random';

const iso = (ms: number) => new Date(ms).toISOString();

/** A row of device_fee_entries as the demo writes it (snake_case: straight into SQL). */
export interface FeeEntryRow {
  person_id: string;
  kind: 'charge' | 'payment' | 'waiver';
  amount: string;
  description: string;
  description_es: string | null;
  repair_id: string | null;
  price_id: string | null;
  quantity: number | null;
  list_amount: string | null;
  free: boolean;
  school_year: number | null;
  method: 'cash' | 'check' | 'online' | null;
  reference: string | null;
  reason: string | null;
  at: string;
  recorded_by: string;
}

/** A line of a ledger before it is dated and signed. */
export type FeeLine = Omit<FeeEntryRow, 'at' | 'recorded_by' | 'person_id'>;

/** The 'fees' holds the ledgers place (new rows) and the fleet's holds they settle (updates). */
export interface HoldOut {
  insert: object[];
  update: { id: string; amount: string; released_at: string | null; released_by: string | null; release_reason: string | null }[];
}

/** One person's ledger as it is written, with the fee hold its balance places and releases. */
export class PersonLedger {
  readonly entries: FeeEntryRow[] = [];
  balance = 0;
  private lastAt = 0;
  private hold: { row: Record<string, unknown>; existing: FleetHold | null } | null = null;

  constructor(
    private readonly personId: string,
    private readonly actor: string,
    private readonly rng: Rng,
    private readonly holds: HoldOut,
  ) {}

  private write(at: number, e: FeeLine): number {
    at = Math.max(at, this.lastAt + 1000);
    this.lastAt = at;
    this.entries.push({ ...e, person_id: this.personId, at: iso(at), recorded_by: this.actor });
    this.balance += (e.kind === 'charge' ? 1 : -1) * toCents(e.amount);
    return at;
  }

  /** Charges the lines at one moment; returns what they add to the balance. */
  charge(at: number, lines: FeeLine[], existing: FleetHold | null): number {
    const was = this.balance;
    for (const line of lines) at = this.write(at, line);
    if (was === 0 && this.balance > 0) {
      this.hold = {
        existing,
        row: {
          person_id: this.personId,
          reason: existing?.reason ?? feeHoldReason,
          amount: '0.00',
          created_at: iso(at),
          created_by: this.actor,
          released_at: null,
          released_by: null,
          release_reason: null,
          source: 'fees',
        },
      };
    }
    if (this.hold && this.balance > 0) this.hold.row.amount = fromCents(this.balance);
    return this.balance - was;
  }

  credit(at: number, type: 'payment' | 'waiver', cents: number, method?: 'cash' | 'check' | 'online', reason?: string) {
    at = this.write(at, {
      kind: type,
      amount: fromCents(cents),
      description: type === 'payment' ? `Payment (${method})` : 'Waiver',
      description_es: null,
      repair_id: null,
      price_id: null,
      quantity: null,
      list_amount: null,
      free: false,
      school_year: null,
      method: type === 'payment' ? method! : null,
      reference: type === 'payment' ? reference(this.rng, method!, at) : null,
      reason: reason ?? null,
    });
    const h = this.hold;
    if (!h) return;
    if (this.balance > 0) {
      h.row.amount = fromCents(this.balance);
      return;
    }
    const asBefore = h.existing !== null && h.existing.releasedAt === at;
    Object.assign(h.row, {
      released_at: iso(at),
      released_by: this.actor,
      release_reason: asBefore ? 'Paid at the front office' : 'Device fees settled',
    });
    this.flush(h);
    this.hold = null;
  }

  end() {
    if (this.hold) this.flush(this.hold);
    this.hold = null;
  }

  private flush(h: { row: Record<string, unknown>; existing: FleetHold | null }) {
    if (!h.existing) {
      this.holds.insert.push(h.row);
      return;
    }
    const r = h.row as { amount: string; released_at: string | null; released_by: string | null; release_reason: string | null };
    this.holds.update.push({
      id: h.existing.id,
      amount: r.amount,
      released_at: r.released_at,
      released_by: r.released_by,
      release_reason: r.release_reason,
    });
  }
}

function reference(rng: Rng, method: 'cash' | 'check' | 'online', at: number): string {
  const year = new Date(at).getUTCFullYear();
  if (method === 'cash') return `Receipt R-${year}-${rng.int(1000, 9999)}`;
  if (method === 'check') return `Check #${rng.int(1001, 4999)}`;
  return `Web payment WP-${rng.int(100000, 999999)}`;
}
