import { deviceLimits } from '../../../../shared/api/devices';
import { normaliseHeader } from '../import/header-aliases';
import { parseDate, parseMac, parseText, type Parsed } from '../import/parse-values';

/** What a Chrome device record from Google Admin may carry. */
export const googleFields = [
  'serial',
  'assetTag',
  'user',
  'location',
  'orgUnitPath',
  'lastSync',
  'osVersion',
  'macAddress',
  'model',
  'status',
  'aueDate',
] as const;
export type GoogleField = (typeof googleFields)[number];

/**
 * The Directory API's property names. Both AUE properties are read; `autoUpdateThrough` (the
 * newer one) wins when a device carries a known value in each.
 */
export const jsonKeys: Record<GoogleField, readonly string[]> = {
  serial: ['serialNumber'],
  assetTag: ['annotatedAssetId'],
  user: ['annotatedUser'],
  location: ['annotatedLocation'],
  orgUnitPath: ['orgUnitPath'],
  lastSync: ['lastSync'],
  osVersion: ['osVersion'],
  macAddress: ['macAddress'],
  model: ['model'],
  status: ['status'],
  aueDate: ['autoUpdateThrough', 'autoUpdateExpiration'],
};

/** The Admin console's CSV export headers and their common spellings, compared without case, spaces or punctuation. */
const csvAliases: Record<GoogleField, string[]> = {
  serial: ['serialnumber', 'serial', 'serialno', 'sn', 'deviceserialnumber'],
  assetTag: ['assetid', 'annotatedassetid', 'assettag', 'asset'],
  user: ['user', 'annotateduser', 'assigneduser', 'userannotation'],
  location: ['location', 'annotatedlocation'],
  orgUnitPath: ['orgunitpath', 'orgunit', 'organizationalunit', 'organizationalunitpath', 'ou'],
  lastSync: ['lastsync', 'lastsynced', 'lastsynctime', 'lastpolicysync'],
  osVersion: ['osversion', 'chromeosversion', 'os', 'version'],
  macAddress: ['macaddress', 'mac', 'wifimac', 'wifimacaddress'],
  model: ['model', 'devicemodel', 'modelname'],
  status: ['status', 'devicestatus', 'enrollmentstatus'],
  aueDate: ['autoupdateexpiration', 'autoupdatethrough', 'aue', 'auedate', 'autoupdateexpirationdate'],
};

const byAlias = new Map(Object.entries(csvAliases).flatMap(([field, names]) => names.map((n) => [n, field as GoogleField] as const)));

export function csvHeaderField(header: string): GoogleField | undefined {
  return byAlias.get(normaliseHeader(header));
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Google reports an unknown date as "0" (or leaves it out): the device keeps what it has. */
export const isUnknown = (v: string) => v === '' || v === '0';

const plausible = (d: Date) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100;

function lastDayOfMonth(y: number, m: number): Parsed<string> {
  if (m < 1 || m > 12 || y < 2000 || y > 2100) return bad('is not a real month');
  return ok(new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10));
}

/**
 * An auto-update expiration: epoch milliseconds (the Directory API), an ISO date or date-time,
 * or a month ("2029-06", "Jun 2029" as the console shows it: updates run through that month).
 */
export function parseAue(v: string): Parsed<string> {
  if (/^\d{9,}$/.test(v)) {
    const d = new Date(Number(v));
    return plausible(d) ? ok(d.toISOString().slice(0, 10)) : bad('is not a plausible date (epoch milliseconds)');
  }
  let m = /^(\d{4})-(\d{1,2})$/.exec(v);
  if (m) return lastDayOfMonth(Number(m[1]), Number(m[2]));
  m = /^([a-z]{3})[a-z]*\.?\s+(\d{4})$/i.exec(v);
  if (m && months.includes(m[1]!.toLowerCase())) return lastDayOfMonth(Number(m[2]), months.indexOf(m[1]!.toLowerCase()) + 1);
  const date = parseDate(v);
  // A date in a known shape that the calendar lacks keeps its own reason.
  if (date.ok || !date.message.startsWith('is not a date')) return date;
  return bad('is not a date: use epoch milliseconds, YYYY-MM-DD or an ISO date-time');
}

/** A moment, as an ISO string in UTC with milliseconds (so a re-import compares equal). */
export function parseSync(v: string): Parsed<string> {
  let d: Date | undefined;
  if (/^\d{9,}$/.test(v)) d = new Date(Number(v));
  else if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(v)) {
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(v) && v.length > 10;
    d = new Date(hasZone ? v.replace(' ', 'T') : `${v.replace(' ', 'T')}${v.length > 10 ? 'Z' : 'T00:00:00Z'}`);
    // Date.parse rolls 2024-02-30 over to March: refuse a day the calendar does not have.
    if (!Number.isNaN(d.getTime()) && !parseDate(v.slice(0, 10)).ok) return bad('is not a real date');
  } else {
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i.exec(v);
    if (us) {
      const [, mo, da, y, h = '0', mi = '0', s = '0', ampm] = us;
      const day = parseDate(`${y}-${mo!.padStart(2, '0')}-${da!.padStart(2, '0')}`);
      if (!day.ok) return day;
      const hour = ampm ? (Number(h) % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0) : Number(h);
      if (hour > 23 || Number(mi) > 59 || Number(s) > 59) return bad('is not a real time of day');
      d = new Date(`${day.value}T00:00:00Z`);
      d.setUTCHours(hour, Number(mi), Number(s));
    }
  }
  if (!d || Number.isNaN(d.getTime())) return bad('is not a date and time: use an ISO date-time such as 2024-05-01T08:30:00Z');
  return plausible(d) ? ok(d.toISOString()) : bad('is not a plausible date');
}

export const googleParsers: Record<GoogleField, (v: string) => Parsed<string>> = {
  serial: parseText(deviceLimits.serialMax),
  assetTag: parseText(deviceLimits.tagMax),
  user: parseText(deviceLimits.textMax),
  location: parseText(deviceLimits.textMax),
  orgUnitPath: parseText(deviceLimits.textMax),
  lastSync: parseSync,
  osVersion: parseText(deviceLimits.textMax),
  macAddress: parseMac,
  model: parseText(deviceLimits.textMax),
  status: parseText(deviceLimits.textMax),
  aueDate: parseAue,
};
