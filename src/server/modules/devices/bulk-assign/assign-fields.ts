import { deviceConditions, deviceLimits, type assigneeTypes } from '../../../../shared/api/devices';
import { aliasLookup, deviceHeaderAliases, normaliseHeader } from '../import/header-aliases';
import { parseDate, parseText, type Parsed } from '../import/parse-values';

/** The columns a bulk-assignment CSV may carry. */
export const assignFields = [
  'assetTag',
  'serial',
  'assignee',
  'assigneeType',
  'condition',
  'accessories',
  'dueDate',
  'holdOverrideReason',
  'note',
] as const;
export type AssignField = (typeof assignFields)[number];

/** Headers compared without case, spaces or punctuation, as the device import compares them. */
const aliases: Record<AssignField, string[]> = {
  // The device import's names for the tag and serial, and how an assignment sheet names the device.
  assetTag: [...deviceHeaderAliases.assetTag, 'devicetag', 'device'],
  serial: deviceHeaderAliases.serial,
  assignee: [
    'assignee',
    'assignedto',
    'assignto',
    'checkedoutto',
    'issuedto',
    'holder',
    'student',
    'studentid',
    'studentnumber',
    'studentemail',
    'staff',
    'staffid',
    'user',
    'username',
    'email',
    'person',
    'badge',
    'cart',
    'room',
    'label',
  ],
  assigneeType: ['assigneetype', 'type', 'assignedtotype', 'holdertype', 'assignmenttype'],
  condition: ['condition', 'conditionout', 'devicecondition'],
  accessories: ['accessories', 'accessory', 'peripherals', 'items'],
  dueDate: ['duedate', 'due', 'dueon', 'returnby', 'returndate', 'dueback'],
  holdOverrideReason: ['holdoverridereason', 'overridereason', 'holdoverride', 'override'],
  note: ['note', 'notes', 'comment', 'comments'],
};

export const assignFieldOf = aliasLookup(aliases);

type AssigneeType = (typeof assigneeTypes)[number];

const typeAliases: Record<string, AssigneeType> = {
  student: 'student',
  students: 'student',
  staff: 'staff',
  teacher: 'staff',
  employee: 'staff',
  staffmember: 'staff',
  cart: 'cart',
  room: 'room',
  classroom: 'room',
};

export function parseAssigneeType(v: string): Parsed<AssigneeType> {
  const hit = typeAliases[normaliseHeader(v)];
  return hit ? { ok: true, value: hit } : { ok: false, message: 'is not an assignee type: use Student, Staff, Cart or Room' };
}

export function parseCondition(v: string): Parsed<(typeof deviceConditions)[number]> {
  const hit = deviceConditions.find((c) => c === v.toLowerCase());
  return hit ? { ok: true, value: hit } : { ok: false, message: `is not a condition: use ${deviceConditions.join(', ')}` };
}

/** "charger; case", "charger, case" or "charger|case". */
export function parseAccessories(v: string): Parsed<string[]> {
  const items = v
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length > deviceLimits.accessoriesMax)
    return { ok: false, message: `lists more than ${deviceLimits.accessoriesMax} accessories` };
  if (items.some((i) => i.length > 50)) return { ok: false, message: 'has an accessory name longer than 50 characters' };
  return { ok: true, value: items };
}

export function parseOverrideReason(v: string): Parsed<string> {
  if (v.length < 3) return { ok: false, message: 'is too short: say why the hold is overridden' };
  return parseText(deviceLimits.reasonMax)(v);
}

/** One data row, parsed cell by cell. */
export interface AssignRow {
  row: number;
  raw: Partial<Record<AssignField, string>>;
  assetTag?: string;
  serial?: string;
  assignee?: string;
  assigneeType?: AssigneeType;
  condition?: (typeof deviceConditions)[number];
  accessories: string[];
  dueDate?: string;
  holdOverrideReason?: string;
  note?: string;
}

export const cellParsers: { [F in AssignField]: (v: string) => Parsed<unknown> } = {
  assetTag: parseText(deviceLimits.tagMax),
  serial: parseText(deviceLimits.serialMax),
  assignee: parseText(deviceLimits.textMax),
  assigneeType: parseAssigneeType,
  condition: parseCondition,
  accessories: parseAccessories,
  dueDate: parseDate,
  holdOverrideReason: parseOverrideReason,
  note: parseText(deviceLimits.reasonMax),
};
