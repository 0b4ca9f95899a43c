import { randomUUID } from 'node:crypto';
import type { DeviceStatus } from '../../../shared/api/devices';
import type { Catalog, PartType } from './demo-device-catalog';
import type { FleetAssignment, FleetDevice, FleetEvent } from './demo-device-repair-read';
import { classifyRepair, type Classified, type RepairKind } from './demo-device-repair-kinds';
import type { Rng } from './generate-random';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

export interface RepairRow {
  id: string;
  device_id: string;
  school_id: string | null;
  person_id: string | null;
  kind: RepairKind;
  description: string;
  vendor: string | null;
  labor_cost: string;
  ticket_ref: string | null;
  status: 'open' | 'sent_to_vendor' | 'ready_for_pickup' | 'closed';
  previous_status: 'assigned' | 'loaner';
  previous_assignment_id: string;
  opened_at: string;
  opened_by: string;
  sent_at: string | null;
  ready_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  updated_at: string;
}

export interface PlannedRepair {
  row: RepairRow;
  tag: string;
  parts: { partId: string; at: number }[];
  /** When the student is charged from the price list; null when there is nothing to charge (yet). */
  chargeAt: number | null;
}

export interface RepairEventRow {
  device_id: string;
  at: string;
  actor_account_id: string;
  actor_label: string;
  type: 'checked_in' | 'checked_out' | 'repair_opened' | 'repair_updated' | 'repair_closed' | 'loaner_out';
  from_status: DeviceStatus | null;
  to_status: DeviceStatus | null;
  person_id: string | null;
  assignment_id: string | null;
  condition: string | null;
  note: string | null;
  details: Record<string, unknown>;
}

/** A weekday moment in school hours (7:30 to 15:00 in Chicago) between two moments, as near as the span allows. */
export function schoolMoment(rng: Rng, from: number, to: number): number {
  const span = Math.max(0, to - from);
  const pick = from + rng.next() * span;
  const minutes = rng.int(0, 450);
  if (span < 2 * DAY) return Math.round(pick);
  let day = Math.floor(pick / DAY) * DAY;
  const weekday = new Date(day).getUTCDay();
  if (weekday === 6 || weekday === 0) day -= (weekday === 6 ? 1 : 2) * DAY;
  return Math.min(Math.max(day + 13.5 * HOUR + minutes * MINUTE, from), to);
}

/**
 * Plans repairs the way the repairs module writes them, after what the fleet's history already
 * says: a repair for every device in repair (opened when it was checked in damaged, with its
 * loaner, sent to the vendor or ready for pickup as time allows), closed repairs for the devices
 * the history shows repaired, and new repairs at the end of some devices' histories (checked in
 * damaged, repaired, handed back), each event after the device's last.
 */
export class RepairPlanner {
  readonly repairs: PlannedRepair[] = [];
  readonly events: RepairEventRow[] = [];
  readonly loans: { assignment_id: string; repair_id: string }[] = [];
  readonly closedAssignments: { id: string; checked_in_at: string; accessories_returned: string[] }[] = [];
  readonly newAssignments: object[] = [];
  readonly handedBack: { personId: string; at: number }[] = [];
  readonly touched = new Map<string, string>();
  private readonly last = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly o: { catalog: Catalog; actor: { accountId: string; label: string }; now: number },
  ) {}

  private event(d: FleetDevice, at: number, e: Partial<RepairEventRow> & Pick<RepairEventRow, 'type' | 'details'>): number {
    at = Math.max(at, (this.last.get(d.id) ?? d.lastAt) + SECOND);
    if (at >= this.o.now) throw new Error(`demo repairs: an event planned in the future (${iso(at)})`);
    this.last.set(d.id, at);
    this.events.push({
      device_id: d.id,
      at: iso(at),
      actor_account_id: this.o.actor.accountId,
      actor_label: this.o.actor.label,
      from_status: null,
      to_status: null,
      person_id: null,
      assignment_id: null,
      condition: null,
      note: null,
      ...e,
    });
    return at;
  }

  private add(d: FleetDevice, a: FleetAssignment, c: Classified, o: { schoolId: string | null; openedAt: number }): PlannedRepair {
    const r: PlannedRepair = {
      tag: d.tag,
      parts: [],
      chargeAt: null,
      row: {
        id: randomUUID(),
        device_id: d.id,
        school_id: o.schoolId,
        person_id: a.assigneeType === 'student' ? a.personId : null,
        kind: c.kind,
        description: c.description,
        vendor: c.vendor,
        labor_cost: c.labor,
        ticket_ref: null,
        status: 'open',
        previous_status: a.kind,
        previous_assignment_id: a.id,
        opened_at: iso(o.openedAt),
        opened_by: this.o.actor.label,
        sent_at: null,
        ready_at: null,
        closed_at: null,
        closed_by: null,
        updated_at: iso(o.openedAt),
      },
    };
    this.repairs.push(r);
    return r;
  }

  private usePart(r: PlannedRepair, d: FleetDevice, type: PartType | null, at: number): boolean {
    const part = type && d.model ? this.o.catalog.part(d.model, type) : undefined;
    if (!part) return false;
    r.parts.push({ partId: part.id, at });
    return true;
  }

  private chargeable(r: PlannedRepair) {
    return r.row.person_id !== null && (r.row.kind === 'accidental' || r.row.kind === 'intentional');
  }

  /** A device checked in damaged and still in repair: its repair in progress, and the loaner lent with it. */
  inProgress(d: FleetDevice, checkin: FleetEvent, a: FleetAssignment, loan: FleetAssignment | undefined) {
    const { rng, o } = this;
    const opened = checkin.at + rng.int(2, 8) * MINUTE;
    const c = classifyRepair(rng, { problem: checkin.note ?? '', model: d.model, warrantyEnd: d.warrantyEnd, openedAt: opened });
    const r = this.add(d, a, c, { schoolId: d.schoolId, openedAt: opened });
    const at = this.event(d, opened, {
      type: 'repair_opened',
      person_id: r.row.person_id,
      note: c.description,
      details: { repairId: r.row.id, kind: c.kind, ticketRef: null },
    });
    r.row.opened_at = r.row.updated_at = iso(at);
    if (loan && r.row.person_id) {
      this.event(d, loan.checkedOutAt, {
        type: 'loaner_out',
        person_id: r.row.person_id,
        details: { repairId: r.row.id, loanerDeviceId: loan.deviceId, loanerTag: null, dueOn: loan.dueOn },
      });
      this.loans.push({ assignment_id: loan.id, repair_id: r.row.id });
    }
    const step = (to: 'sent_to_vendor' | 'ready_for_pickup', when: number) => {
      const from = r.row.status;
      const t = this.event(d, when, { type: 'repair_updated', person_id: r.row.person_id, details: { repairId: r.row.id, from, to } });
      r.row.status = to;
      r.row.updated_at = iso(t);
      if (to === 'sent_to_vendor') r.row.sent_at = iso(t);
      else r.row.ready_at = iso(t);
      return t;
    };
    // Nothing waits for pickup or for a vendor for months: what the natural timing would have
    // finished long ago finished in the last two weeks, or (at a vendor) is still there.
    const recent = (at: number) => (at < o.now - 14 * DAY ? schoolMoment(rng, o.now - 14 * DAY, o.now - 2 * HOUR) : at);
    if (c.vendor) {
      const sent = schoolMoment(rng, at + DAY, at + 3 * DAY);
      const natural = schoolMoment(rng, sent + 8 * DAY, sent + 16 * DAY);
      const slow = natural < o.now - 14 * DAY && rng.chance(0.6);
      if (sent < o.now - 2 * HOUR) step('sent_to_vendor', sent);
      const back = recent(natural);
      if (r.row.status === 'sent_to_vendor' && !slow && back < o.now - 2 * HOUR) step('ready_for_pickup', back);
      return;
    }
    // In-house: the part is fitted and the device ready a few days after it came in, or later when
    // the school had to wait for the part; some still wait.
    const waiting = rng.chance(0.4);
    const ready = recent(schoolMoment(rng, at + DAY, at + 4 * DAY));
    if (waiting || ready >= o.now - HOUR) return;
    const fitted = Math.max(at + rng.int(10, 90) * MINUTE, ready - rng.int(60, 240) * MINUTE);
    if (this.usePart(r, d, c.part, fitted) && this.chargeable(r)) r.chargeAt = fitted + rng.int(5, 30) * MINUTE;
    step('ready_for_pickup', ready);
  }

  /**
   * A repair the fleet's history already tells (checked in damaged, back in stock with the fix as
   * the note, handed back; or retired as beyond repair): its record, closed when the device left
   * repair. The history has no repair events for it, and none can be added before later events.
   */
  fromHistory(
    d: FleetDevice,
    checkin: FleetEvent,
    a: FleetAssignment,
    next: FleetEvent,
    back: FleetEvent | undefined,
    schoolId: string | null,
  ) {
    const { rng } = this;
    const retired = next.toStatus === 'retired';
    const c = classifyRepair(rng, {
      problem: checkin.note ?? '',
      model: d.model,
      warrantyEnd: d.warrantyEnd,
      openedAt: checkin.at,
      underWarranty: retired ? false : (next.note ?? '').includes('under warranty'),
    });
    if (retired) {
      c.kind = c.kind === 'intentional' ? 'intentional' : 'accidental';
      c.description = `${checkin.note ?? 'Damaged'}: beyond economical repair`;
      c.part = null;
      c.vendor = null;
      c.labor = '0.00';
    }
    const r = this.add(d, a, c, { schoolId, openedAt: checkin.at });
    Object.assign(r.row, { status: 'closed', closed_at: iso(next.at), closed_by: this.o.actor.label, updated_at: iso(next.at) });
    if (!c.vendor && next.at - checkin.at > 2 * HOUR)
      this.usePart(r, d, c.part, checkin.at + rng.int(60, Math.min(600, (next.at - checkin.at) / MINUTE - 30)) * MINUTE);
    // The fee is charged when the family picks the device up.
    if (this.chargeable(r)) r.chargeAt = Math.min((back?.at ?? next.at) + rng.int(5, 40) * MINUTE, this.o.now - MINUTE);
  }

  /** A new repair at the end of a student's device's history: checked in damaged, fixed in-house, handed back. */
  appended(d: FleetDevice, a: FleetAssignment, problem: string) {
    const { rng, o } = this;
    const from = Math.max(this.last.get(d.id) ?? d.lastAt, a.checkedOutAt) + 3 * DAY;
    const to = o.now - 3 * DAY;
    if (from >= to) return false;
    const broke = schoolMoment(rng, from, to);
    const c = classifyRepair(rng, { problem, model: d.model, warrantyEnd: d.warrantyEnd, openedAt: broke });
    const fixedAt = schoolMoment(rng, broke + DAY, broke + 4 * DAY);
    if (fixedAt >= o.now - HOUR || c.vendor) return false;
    const person = a.personId!;
    const inAt = this.event(d, broke, {
      type: 'checked_in',
      from_status: 'assigned',
      to_status: 'in_repair',
      person_id: person,
      assignment_id: a.id,
      condition: 'damaged',
      note: `Repair: ${c.description}`,
      details: { missingAccessories: [] },
    });
    this.closedAssignments.push({ id: a.id, checked_in_at: iso(inAt), accessories_returned: a.accessories });
    const r = this.add(d, a, c, { schoolId: d.schoolId, openedAt: inAt });
    const at = this.event(d, inAt, {
      type: 'repair_opened',
      person_id: person,
      note: c.description,
      details: { repairId: r.row.id, kind: c.kind, ticketRef: null },
    });
    r.row.opened_at = iso(at);
    this.usePart(r, d, c.part, at + rng.int(10, 60) * MINUTE);
    const closed = this.event(d, fixedAt, {
      type: 'repair_closed',
      from_status: 'in_repair',
      to_status: 'in_stock',
      person_id: person,
      note: c.fix,
      details: { repairId: r.row.id, status: 'closed' },
    });
    Object.assign(r.row, { status: 'closed', closed_at: iso(closed), closed_by: o.actor.label, updated_at: iso(closed) });
    const id = randomUUID();
    const out = this.event(d, closed, {
      type: 'checked_out',
      from_status: 'in_stock',
      to_status: 'assigned',
      person_id: person,
      assignment_id: id,
      condition: 'good',
      note: 'Back from repair',
      details: { assigneeType: 'student', label: null, kind: 'assigned', accessories: a.accessories },
    });
    this.newAssignments.push({
      id,
      device_id: d.id,
      kind: 'assigned',
      assignee_type: 'student',
      person_id: person,
      label: null,
      checked_out_at: iso(out),
      checked_out_by: o.actor.label,
      condition_out: 'good',
      accessories: a.accessories,
      due_on: a.dueOn,
      checked_in_at: null,
      checked_in_by: null,
      condition_in: null,
      accessories_returned: null,
    });
    this.handedBack.push({ personId: person, at: out });
    this.touched.set(d.id, iso(out));
    if (this.chargeable(r)) r.chargeAt = Math.min(out + rng.int(2, 30) * MINUTE, o.now - MINUTE);
    return true;
  }

  /** Help-desk tickets for some repairs, numbered in the order they were opened; the loaner tags in the loaner events. */
  finish(tagOf: (deviceId: string) => string) {
    const byTime = [...this.repairs].sort((a, b) => a.row.opened_at.localeCompare(b.row.opened_at) || a.tag.localeCompare(b.tag));
    let ticket = 24_180;
    for (const r of byTime) {
      ticket += this.rng.int(3, 40);
      if (this.rng.chance(0.45)) r.row.ticket_ref = `HD-${ticket}`;
    }
    const refs = new Map(this.repairs.map((r) => [r.row.id, r.row.ticket_ref]));
    for (const e of this.events) {
      if (e.type === 'repair_opened') e.details.ticketRef = refs.get(e.details.repairId as string) ?? null;
      if (e.type === 'loaner_out') e.details.loanerTag = tagOf(e.details.loanerDeviceId as string);
    }
  }
}
