import { randomUUID } from 'node:crypto';
import type { DeviceStatus } from '../../../shared/api/devices';
import { assertTransition } from '../devices/status-machine';
import { cohorts, type CohortKey } from './demo-device-models';

/** Rows shaped like the tables they go into (snake_case, dates as ISO text), written with json_populate_recordset. */
export interface DeviceRow {
  id: string;
  asset_tag: string;
  serial: string;
  model_id: string;
  status: DeviceStatus;
  school_id: string | null;
  location: string | null;
  purchase_date: string;
  cost: string;
  funding_source: string;
  warranty_end: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssignmentRow {
  id: string;
  device_id: string;
  kind: 'assigned' | 'loaner';
  assignee_type: 'student' | 'staff' | 'cart' | 'room';
  person_id: string | null;
  label: string | null;
  checked_out_at: string;
  checked_out_by: string;
  condition_out: string;
  accessories: string[];
  due_on: string | null;
  checked_in_at: string | null;
  checked_in_by: string | null;
  condition_in: string | null;
  accessories_returned: string[] | null;
}

export interface EventRow {
  device_id: string;
  at: string;
  actor_account_id: string | null;
  actor_label: string;
  type: 'imported' | 'checked_out' | 'checked_in' | 'status_changed';
  from_status: DeviceStatus | null;
  to_status: DeviceStatus;
  person_id: string | null;
  assignment_id: string | null;
  condition: string | null;
  note: string | null;
  details: Record<string, unknown>;
}

export interface PlannedDevice {
  row: DeviceRow;
  cohort: CohortKey;
  /** Orders the asset tags: a district tags devices as they arrive, school by school. */
  order: [number, number, number];
  open: AssignmentRow | null;
  last: number;
}

export interface Checkout {
  kind?: 'assigned' | 'loaner';
  type: AssignmentRow['assignee_type'];
  personId?: string;
  label?: string;
  accessories: string[];
  condition: 'new' | 'good' | 'fair';
  dueOn?: string;
  holdOverrideReason?: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;

/**
 * Records a device history the way the devices module would have written it, one operation at a
 * time, each checked against the real status machine: so the demo can never show a move the
 * product would refuse. Nothing touches the database here; `demo-devices.ts` writes the rows.
 */
export class DevicePlan {
  readonly devices: PlannedDevice[] = [];
  readonly assignments: AssignmentRow[] = [];
  readonly events: EventRow[] = [];
  private readonly rows = new Map<string, number>();

  constructor(
    private readonly actor: { accountId: string | null; label: string },
    private readonly now: number,
  ) {}

  add(o: {
    cohort: CohortKey;
    serial: string;
    modelId: string;
    schoolId: string | null;
    location: string | null;
    purchaseDate: string;
    warrantyEnd: string;
    order: [number, number, number];
  }): PlannedDevice {
    const c = cohorts[o.cohort];
    const d: PlannedDevice = {
      cohort: o.cohort,
      order: o.order,
      open: null,
      last: 0,
      row: {
        id: randomUUID(),
        asset_tag: '',
        serial: o.serial,
        model_id: o.modelId,
        status: 'in_stock',
        school_id: o.schoolId,
        location: o.location,
        purchase_date: o.purchaseDate,
        cost: c.cost,
        funding_source: c.funding,
        warranty_end: o.warrantyEnd,
        notes: null,
        created_at: '',
        updated_at: '',
      },
    };
    this.devices.push(d);
    return d;
  }

  /** The device's first event: it arrived in a vendor's asset file, or in the inventory imported when DistrictOps was adopted. */
  imported(d: PlannedDevice, at: number, file: string, status: 'in_stock' | 'retired' = 'in_stock') {
    const row = (this.rows.get(file) ?? 1) + 1;
    this.rows.set(file, row);
    d.row.status = status;
    d.row.created_at = iso(at);
    this.push(d, at, { type: 'imported', from_status: null, to_status: status, details: { file, row } });
  }

  checkout(d: PlannedDevice, at: number, o: Checkout): AssignmentRow {
    const kind = o.kind ?? 'assigned';
    const to = kind === 'loaner' ? 'loaner' : 'assigned';
    assertTransition(d.row.status, to, 'checkout');
    at = this.after(d, at);
    const a: AssignmentRow = {
      id: randomUUID(),
      device_id: d.row.id,
      kind,
      assignee_type: o.type,
      person_id: o.personId ?? null,
      label: o.label ?? null,
      checked_out_at: iso(at),
      checked_out_by: this.actor.label,
      condition_out: o.condition,
      accessories: o.accessories,
      due_on: o.dueOn ?? null,
      checked_in_at: null,
      checked_in_by: null,
      condition_in: null,
      accessories_returned: null,
    };
    this.assignments.push(a);
    const from = d.row.status;
    d.open = a;
    d.row.status = to;
    const details = {
      assigneeType: o.type,
      label: a.label,
      kind,
      accessories: o.accessories,
      ...(o.holdOverrideReason ? { holdOverrideReason: o.holdOverrideReason } : {}),
    };
    this.push(d, at, {
      type: 'checked_out',
      from_status: from,
      to_status: to,
      person_id: a.person_id,
      assignment_id: a.id,
      condition: o.condition,
      details,
    });
    return a;
  }

  /** Takes the device back: to stock, or to repair when damaged (the note says what is wrong). */
  checkin(d: PlannedDevice, at: number, condition: 'good' | 'fair' | 'poor' | 'damaged', returned: string[], note?: string) {
    const to = condition === 'damaged' ? 'in_repair' : 'in_stock';
    assertTransition(d.row.status, to, 'checkin');
    const a = d.open!;
    at = this.after(d, at);
    a.checked_in_at = iso(at);
    a.checked_in_by = this.actor.label;
    a.condition_in = condition;
    a.accessories_returned = returned;
    const missing = a.accessories.filter((x) => !returned.includes(x));
    const from = d.row.status;
    d.open = null;
    d.row.status = to;
    this.push(d, at, {
      type: 'checked_in',
      from_status: from,
      to_status: to,
      person_id: a.person_id,
      assignment_id: a.id,
      condition,
      note: note ?? null,
      details: { missingAccessories: missing },
    });
  }

  /** A plain status change; a device reported lost or stolen while out closes its assignment, as the product does. */
  changeStatus(d: PlannedDevice, at: number, to: DeviceStatus, note: string) {
    assertTransition(d.row.status, to, 'status');
    at = this.after(d, at);
    const a = d.open;
    if (a) {
      a.checked_in_at = iso(at);
      a.checked_in_by = this.actor.label;
      a.condition_in = to;
      d.open = null;
    }
    const from = d.row.status;
    d.row.status = to;
    this.push(d, at, {
      type: 'status_changed',
      from_status: from,
      to_status: to,
      person_id: a?.person_id ?? null,
      assignment_id: a?.id ?? null,
      note,
      details: {},
    });
  }

  /** Events of one device never share or reverse a moment: each comes at least a minute after the last. */
  private after(d: PlannedDevice, at: number) {
    return Math.max(at, d.last + MINUTE);
  }

  private push(d: PlannedDevice, at: number, e: Pick<EventRow, 'type' | 'from_status' | 'to_status' | 'details'> & Partial<EventRow>) {
    if (at >= this.now) throw new Error(`demo devices: an event planned in the future (${iso(at)})`);
    d.last = at;
    d.row.updated_at = iso(at);
    this.events.push({
      device_id: d.row.id,
      at: iso(at),
      actor_account_id: this.actor.accountId,
      actor_label: this.actor.label,
      person_id: null,
      assignment_id: null,
      condition: null,
      note: null,
      ...e,
    });
  }

  /** Numbers the asset tags in the order the devices arrived: LS-000001 is the oldest. */
  numberTags(prefix: string) {
    const sorted = [...this.devices].sort(
      (a, b) =>
        a.row.purchase_date.localeCompare(b.row.purchase_date) ||
        a.order[0] - b.order[0] ||
        a.order[1] - b.order[1] ||
        a.order[2] - b.order[2],
    );
    sorted.forEach((d, i) => (d.row.asset_tag = `${prefix}${String(i + 1).padStart(6, '0')}`));
  }
}
