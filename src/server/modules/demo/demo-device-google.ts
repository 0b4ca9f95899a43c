import { demoModels, type ModelKey } from './demo-device-models';
import type { AssignmentRow, PlannedDevice } from './demo-device-plan';
import type { Rng } from './generate-random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The columns Google Admin's Chrome device records fill on a device (as the Google import writes them). */
export interface GoogleColumns {
  org_unit_path: string | null;
  last_sync: string | null;
  os_version: string | null;
  mac_address: string | null;
  annotated_user: string | null;
}

export const noGoogle: GoogleColumns = { org_unit_path: null, last_sync: null, os_version: null, mac_address: null, annotated_user: null };

/**
 * ChromeOS ships a milestone about every four weeks (M143 in early December 2025), with a build
 * number that grows with it; a device past its auto-update expiration stays on its last one.
 */
export function chromeOsMilestone(at: number): number {
  return 143 + Math.floor((at - Date.UTC(2025, 11, 2)) / (29 * DAY));
}

export function chromeOsVersion(milestone: number, patchStep: number): string {
  const patch = 40 + ((milestone * 53) % 120) + patchStep * 7;
  return `${milestone}.0.${7499 + (milestone - 143) * 66}.${patch}`;
}

// Wi-Fi adapters' address blocks differ by maker: a device's MAC starts with its maker's.
const macPrefix: Record<string, string> = { Lenovo: '70:1A:B8', Dell: 'F4:8C:50', HP: '48:E7:DA', Acer: 'A4:C3:F0' };
const hex = (rng: Rng) => rng.int(0, 255).toString(16).toUpperCase().padStart(2, '0');

const gradeUnit = (grade: number) => (grade === 0 ? 'Kindergarten' : `Grade ${grade}`);

export interface GoogleRoster {
  students: Map<string, { email: string | null; grade: number }>;
  schoolNames: Map<string, string>;
  modelOf: Map<string, ModelKey>;
}

/**
 * What Google Admin says about each of the demo's Chromebooks: the organisational unit (a
 * student's school and grade, a cart's grade, the loaner and spare shelves, lost devices
 * disabled, retired ones deprovisioned), when it last synced (mostly in the last day or two,
 * some weeks ago, devices out of use when they went out of use), its ChromeOS version, its
 * Wi-Fi MAC and, for a student's device, the student's email as the annotated user. Other
 * devices (laptops, hotspots) are not Chrome devices and have none.
 */
export function planGoogleFields(
  rng: Rng,
  o: { devices: PlannedDevice[]; assignments: AssignmentRow[]; roster: GoogleRoster; now: number; schoolYear: number },
): Map<string, GoogleColumns> {
  const { now } = o;
  const lastHolder = new Map<string, AssignmentRow>();
  for (const a of o.assignments) lastHolder.set(a.device_id, a);
  const out = new Map<string, GoogleColumns>();
  const macs = new Set<string>();
  for (const d of o.devices) {
    const key = o.roster.modelOf.get(d.row.model_id);
    const model = key ? demoModels[key] : undefined;
    if (!model || model.category !== 'chromebook') continue;
    const school = d.row.school_id ? (o.roster.schoolNames.get(d.row.school_id) ?? null) : null;
    const holder = lastHolder.get(d.row.id);
    const student =
      holder?.assignee_type === 'student' && holder.kind === 'assigned' ? o.roster.students.get(holder.person_id!) : undefined;
    const ago = (lo: number, hi: number) => now - lo - rng.next() * (hi - lo);
    const before = (at: number, lo: number, hi: number) => at - lo - rng.next() * (hi - lo);
    let unit: string;
    let sync: number;
    switch (d.row.status) {
      case 'assigned':
      case 'loaner': {
        const r = rng.next();
        sync = r < 0.86 ? ago(20 * MINUTE, 60 * HOUR) : r < 0.97 ? ago(4 * DAY, 24 * DAY) : ago(32 * DAY, 80 * DAY);
        sync = Math.min(Math.max(sync, d.last + HOUR), now - MINUTE);
        const cartGrade = holder?.assignee_type === 'cart' ? /^(Kindergarten|Grade \d+) cart/.exec(holder.label ?? '')?.[1] : undefined;
        unit = d.row.status === 'loaner' ? 'Loaners' : student ? gradeUnit(student.grade) : (cartGrade ?? 'Classroom carts');
        break;
      }
      case 'in_repair':
        sync = before(d.last, 30 * MINUTE, 20 * HOUR);
        unit = student ? gradeUnit(student.grade) : 'Classroom carts';
        break;
      case 'in_stock':
        // The loaner cart is powered up now and then for updates; this summer's spares since they were enrolled.
        sync = d.row.location === 'Front office loaner cart' ? ago(3 * DAY, 40 * DAY) : d.last + 2 * DAY + rng.next() * 20 * DAY;
        sync = Math.min(sync, now - DAY);
        unit = d.row.location === 'Front office loaner cart' ? 'Loaners' : 'Spares';
        break;
      case 'lost':
      case 'stolen':
        sync = before(d.last, HOUR, 3 * DAY);
        unit = 'Lost and stolen';
        break;
      case 'retired':
      case 'ewaste':
        sync = before(d.last, DAY, 30 * DAY);
        unit = 'Retired';
        break;
    }
    const path =
      unit === 'Lost and stolen'
        ? '/Disabled/Lost and stolen'
        : unit === 'Retired'
          ? '/Deprovisioned'
          : `/Students/${school ?? 'District'}/${unit}`;
    const aue = model.aueInYears === null ? Infinity : Date.UTC(o.schoolYear + model.aueInYears, 5, 1);
    // Updates reach a device a few days after release; a device past its AUE gets none.
    const milestone = chromeOsMilestone(Math.min(sync - rng.int(0, 9) * DAY, aue));
    let mac = `${macPrefix[model.manufacturer] ?? '00:1A:2B'}:${hex(rng)}:${hex(rng)}:${hex(rng)}`;
    while (macs.has(mac)) mac = `${mac.slice(0, 9)}${hex(rng)}:${hex(rng)}:${hex(rng)}`;
    macs.add(mac);
    out.set(d.row.id, {
      org_unit_path: path,
      last_sync: new Date(Math.round(sync)).toISOString(),
      os_version: chromeOsVersion(milestone, rng.int(0, 2)),
      mac_address: mac,
      annotated_user: student?.email ?? null,
    });
  }
  return out;
}
