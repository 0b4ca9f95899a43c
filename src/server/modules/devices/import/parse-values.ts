import type { DeviceStatus } from '../../../../shared/api/devices';

/** A cell's value, or why it cannot be one. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

const squash = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, '');

function isoDate(y: number, m: number, d: number): Parsed<string> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return bad('is not a real date');
  if (y < 1990 || y > 2100) return bad('is not a plausible year');
  return ok(date.toISOString().slice(0, 10));
}

/** 2024-08-15, 2024/08/15, an ISO timestamp, or a US spreadsheet's 8/15/2024. */
export function parseDate(v: string): Parsed<string> {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/.exec(v);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) return isoDate(Number(m[3]), Number(m[1]), Number(m[2]));
  return bad('is not a date: use YYYY-MM-DD (or MM/DD/YYYY)');
}

/** $1,249.50 → "1249.50". */
export function parseMoney(v: string): Parsed<string> {
  const plain = v.replace(/^\$/, '').replace(/,/g, '').trim();
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(plain)) return bad('is not an amount: use a number like 249.99');
  return ok(Number(plain).toFixed(2));
}

const fundingAliases: Record<string, string> = {
  generalfund: 'general_fund',
  general: 'general_fund',
  gf: 'general_fund',
  esser: 'esser',
  esseri: 'esser',
  esserii: 'esser',
  esseriii: 'esser',
  esser1: 'esser',
  esser2: 'esser',
  esser3: 'esser',
  erate: 'e_rate',
  grant: 'grant',
  bond: 'bond',
  other: 'other',
};

export function parseFunding(v: string): Parsed<string> {
  const hit = fundingAliases[squash(v)];
  return hit ? ok(hit) : bad('is not a funding source: use General Fund, ESSER, E-Rate, Grant, Bond or Other');
}

const categoryAliases: Record<string, string> = {
  chromebook: 'chromebook',
  laptop: 'laptop',
  notebook: 'laptop',
  tablet: 'tablet',
  ipad: 'tablet',
  desktop: 'desktop',
  hotspot: 'hotspot',
  mifi: 'hotspot',
  charger: 'charger',
  other: 'other',
};

export function parseCategory(v: string): Parsed<string> {
  const hit = categoryAliases[squash(v)];
  return hit ? ok(hit) : bad('is not a category: use Chromebook, Laptop, Tablet, Desktop, Hotspot, Charger or Other');
}

const categoryLabels: Record<string, string> = {
  chromebook: 'Chromebook',
  laptop: 'Laptop',
  tablet: 'Tablet',
  desktop: 'Desktop',
  hotspot: 'Hotspot',
  charger: 'Charger',
  other: 'Other',
};

/** A category as people write it (the export's words, which the import reads back). */
export const categoryLabel = (category: string) => categoryLabels[category] ?? category;

/** The category of a model the file names but the district does not have yet. */
export function guessCategory(modelName: string): string {
  const words = modelName.toLowerCase();
  if (words.includes('chromebook')) return 'chromebook';
  if (words.includes('ipad')) return 'tablet';
  return 'other';
}

const statusAliases: Record<string, DeviceStatus> = {
  instock: 'in_stock',
  stock: 'in_stock',
  available: 'in_stock',
  spare: 'in_stock',
  inrepair: 'in_repair',
  repair: 'in_repair',
  atrepair: 'in_repair',
  lost: 'lost',
  missing: 'lost',
  stolen: 'stolen',
  retired: 'retired',
  decommissioned: 'retired',
  ewaste: 'ewaste',
  recycled: 'ewaste',
  disposed: 'ewaste',
  assigned: 'assigned',
  checkedout: 'assigned',
  deployed: 'assigned',
  loaner: 'loaner',
  onloan: 'loaner',
};

export function parseStatus(v: string): Parsed<DeviceStatus> {
  const hit = statusAliases[squash(v)];
  if (!hit) return bad('is not a status: use In stock, In repair, Lost, Stolen, Retired or E-waste');
  if (hit === 'assigned' || hit === 'loaner') {
    return bad('cannot be imported: a device becomes assigned by checking it out, which records who has it');
  }
  return ok(hit);
}

/** Any common MAC notation → AA:BB:CC:DD:EE:FF. */
export function parseMac(v: string): Parsed<string> {
  const hex = v.replace(/[^0-9a-f]/gi, '');
  if (hex.length !== 12 || /[^0-9a-f:.\-\s]/i.test(v)) return bad('is not a MAC address (12 hexadecimal digits)');
  return ok(hex.toUpperCase().match(/../g)!.join(':'));
}

export function parseText(max: number): (v: string) => Parsed<string> {
  return (v) => (v.length > max ? bad(`is longer than ${max} characters`) : ok(v));
}
