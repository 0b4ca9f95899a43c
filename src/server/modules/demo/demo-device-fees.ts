import { schoolYearLabel, schoolYearOf } from '../devices/lifecycle/school-year';
import { fromCents, toCents } from '../devices/money';
import { ordinal } from '../devices/repairs/fee-rules';
import type { Catalog, PriceRow } from './demo-device-catalog';
import type { PlannedRepair } from './demo-device-repair-plan';
import type { FleetHold } from './demo-device-repair-read';
import { schoolMoment } from './demo-device-repair-plan';
import { PersonLedger, type FeeEntryRow, type FeeLine as Line, type HoldOut } from './demo-device-fee-ledger';
import type { Rng } from './generate-random';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

/** Something owed for a lost accessory or device, charged at one price; `hold` is the fleet's hold it stands for. */
export interface LossCharge {
  personId: string;
  at: number;
  price: PriceRow;
  description: string;
  hold: FleetHold | null;
  /** What happened next: paid when the hold was released, paid in installments, partly paid, or forgiven. */
  then: 'paid' | 'installments' | 'maybe_partly' | 'forgiven';
}

type Step =
  | { at: number; order: 0; type: 'charge'; make: () => Line[]; loss?: LossCharge }
  | { at: number; order: 1; type: 'payment' | 'waiver'; cents: number | 'all'; method?: 'cash' | 'check' | 'online'; reason?: string }
  | { at: number; order: 2; type: 'clear' };

const waiverReasons = [
  'Family qualifies for free and reduced-price meals',
  'Principal waived: the student was pushed in the hallway',
  'Hardship: approved by the assistant superintendent',
  'Damage caused by a defective case the district issued',
];
const forgiven = ['First loss: forgiven by the principal', 'Turned in to the police as found property, then never recovered: waived'];

/**
 * Writes each person's fee ledger in time order with the rules `chargeRepair` applies (the
 * damage price with its free occurrences per school year, a price per part used), the fees the
 * fleet's holds stand for (chargers not returned, lost devices), and payments and waivers; then
 * the 'fees' holds that balance places and releases. A check-out the history shows without a hold
 * override means the person owed nothing then: they paid at the counter just before.
 */
export function planFees(
  rng: Rng,
  o: {
    catalog: Catalog;
    repairs: PlannedRepair[];
    losses: LossCharge[];
    checkouts: Map<string, { at: number; overridden: boolean }[]>;
    personKey: Map<string, string>;
    actorLabel: string;
    now: number;
  },
): { entries: FeeEntryRow[]; holds: HoldOut } {
  const steps = new Map<string, Step[]>();
  const push = (personId: string, s: Step) => steps.set(personId, [...(steps.get(personId) ?? []), s]);
  const counts = new Map<string, number>();
  const before = (at: number) => at < o.now - MINUTE;

  for (const r of o.repairs) {
    if (r.chargeAt === null || !r.row.person_id || !before(r.chargeAt)) continue;
    push(r.row.person_id, { at: r.chargeAt, order: 0, type: 'charge', make: () => repairLines(o.catalog, counts, r) });
  }
  for (const l of o.losses) {
    const list = l.price.amount;
    const line: Line = {
      kind: 'charge',
      amount: list,
      description: l.description,
      // Written by staff (a charge by hand), so in English only.
      description_es: null,
      repair_id: null,
      price_id: l.price.id,
      quantity: 1,
      list_amount: list,
      free: false,
      school_year: schoolYearOf(iso(l.at).slice(0, 10)),
      method: null,
      reference: null,
      reason: null,
    };
    push(l.personId, { at: l.at, order: 0, type: 'charge', loss: l, make: () => [line] });
  }

  const entries: FeeEntryRow[] = [];
  const holds: HoldOut = { insert: [], update: [] };
  const people = [...steps.keys()].sort((a, b) => (o.personKey.get(a) ?? a).localeCompare(o.personKey.get(b) ?? b));
  for (const personId of people) {
    const queue = steps.get(personId)!;
    for (const c of o.checkouts.get(personId) ?? []) {
      if (!c.overridden) queue.push({ at: c.at - rng.int(10, 50) * MINUTE, order: 2, type: 'clear' });
    }
    const ledger = new PersonLedger(personId, o.actorLabel, rng, holds);
    for (let i = 0; i < queue.length; i++) {
      queue.sort((a, b) => a.at - b.at || a.order - b.order);
      const s = queue[i]!;
      if (!before(s.at)) break;
      if (s.type === 'charge') {
        // A loss whose hold came while the person already owed stays the staff hold it was: not charged twice.
        if (s.loss?.hold && ledger.balance > 0) continue;
        const cents = ledger.charge(s.at, s.make(), s.loss?.hold ?? null);
        if (cents > 0) queue.push(...settle(rng, s.at, cents, s.loss, o.now));
      } else if (s.type === 'clear') {
        if (ledger.balance > 0) ledger.credit(s.at, 'payment', ledger.balance, rng.pick(['cash', 'check'] as const));
      } else {
        const cents = Math.min(s.cents === 'all' ? ledger.balance : s.cents, ledger.balance);
        if (cents > 0) ledger.credit(s.at, s.type, cents, s.method, s.reason);
      }
    }
    ledger.end();
    entries.push(...ledger.entries);
  }
  entries.sort(
    (a, b) => a.at.localeCompare(b.at) || (o.personKey.get(a.person_id) ?? '').localeCompare(o.personKey.get(b.person_id) ?? ''),
  );
  return { entries, holds };
}

/** The lines `chargeRepair` writes for a repair: its damage price and a price per part used, all free when the damage is. */
function repairLines(catalog: Catalog, counts: Map<string, number>, r: PlannedRepair) {
  const personId = r.row.person_id!;
  const damage = catalog.priceOfKind.get(r.row.kind)!;
  const schoolYear = schoolYearOf(iso(r.chargeAt!).slice(0, 10));
  const quantities = new Map<PriceRow, number>();
  for (const p of r.parts) {
    const price = catalog.priceOfPart.get(p.partId);
    if (price) quantities.set(price, (quantities.get(price) ?? 0) + 1);
  }
  const lines = [
    { price: damage, quantity: 1 },
    ...[...quantities].map(([price, quantity]) => ({ price, quantity })).sort((a, b) => a.price.name.localeCompare(b.price.name)),
  ];
  const prior = (p: PriceRow) => counts.get(`${personId} ${p.id} ${schoolYear}`) ?? 0;
  const priors = new Map(lines.map((l) => [l.price, prior(l.price)]));
  const freeRepair = priors.get(damage)! < damage.free_per_year;
  const out = lines.map((l) => {
    const n = priors.get(l.price)!;
    const list = toCents(l.price.amount) * l.quantity;
    const free = freeRepair || n < l.price.free_per_year;
    const times = (name: string) => (l.quantity > 1 ? `${name} × ${l.quantity}` : name);
    const what = times(l.price.name);
    const whyFree =
      l.price === damage || !freeRepair
        ? `${ordinal(n + 1)} of ${l.price.free_per_year} free in ${schoolYearLabel(schoolYear)}`
        : 'the repair is free';
    return {
      kind: 'charge' as const,
      amount: free ? '0.00' : fromCents(list),
      description: `${what} (${r.tag})${free ? `: free, ${whyFree}` : ''}`,
      description_es: `${times(l.price.name_es)} (${r.tag})`,
      repair_id: r.row.id,
      price_id: l.price.id,
      quantity: l.quantity,
      list_amount: fromCents(list),
      free,
      school_year: schoolYear,
      method: null,
      reference: null,
      reason: null,
    };
  });
  for (const l of lines) counts.set(`${personId} ${l.price.id} ${schoolYear}`, priors.get(l.price)! + 1);
  return out;
}

/** What a family does about a charge: pays (at once or in part), has it waived, or not yet. */
function settle(rng: Rng, at: number, cents: number, loss: LossCharge | undefined, now: number): Step[] {
  const method = () =>
    rng.weighted([
      ['cash', 35],
      ['check', 25],
      ['online', 40],
    ] as const);
  const later = (lo: number, hi: number) => schoolMoment(rng, at + lo * DAY, Math.min(at + hi * DAY, now - DAY));
  switch (loss?.then) {
    case 'paid':
      return [{ at: loss.hold!.releasedAt!, order: 1, type: 'payment', cents, method: 'cash' }];
    case 'installments': {
      const n = rng.int(0, 3);
      return Array.from({ length: n }, (_, i) => ({
        at: schoolMoment(
          rng,
          Date.UTC(new Date(at).getUTCFullYear(), 8, 8) + i * 30 * DAY,
          Date.UTC(new Date(at).getUTCFullYear(), 8, 22) + i * 30 * DAY,
        ),
        order: 1 as const,
        type: 'payment' as const,
        cents: 1000,
        method: 'cash' as const,
      }));
    }
    case 'forgiven':
      return [{ at: later(1, 4), order: 1, type: 'waiver', cents: 'all', reason: rng.pick(forgiven) }];
    case 'maybe_partly':
      return rng.chance(0.35) ? [{ at: later(10, 30), order: 1, type: 'payment', cents: 10_000, method: 'check' }] : [];
    case undefined: {
      const what = rng.weighted([
        ['paid', 45],
        ['partly', 15],
        ['waived', 10],
        ['owes', 30],
      ] as const);
      if (what === 'paid') return [{ at: later(1, 21), order: 1, type: 'payment', cents, method: method() }];
      if (what === 'partly')
        return [{ at: later(3, 21), order: 1, type: 'payment', cents: Math.max(500, Math.floor(cents / 1000) * 500), method: method() }];
      if (what === 'waived') return [{ at: later(1, 10), order: 1, type: 'waiver', cents: 'all', reason: rng.pick(waiverReasons) }];
      return [];
    }
  }
}
