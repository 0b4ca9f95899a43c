import type { ColumnSpec } from './oneroster-spec';
import { gradeLevels } from './oneroster-vocabulary';

/** A field's value as it is staged: strings, numbers, booleans, lists or null for an empty field. */
export type StageValue = string | number | boolean | string[] | null;

export type Converted = { ok: true; value: StageValue } | { ok: false; message: string };

const ok = (value: StageValue): Converted => ({ ok: true, value });
const fail = (message: string): Converted => ({ ok: false, message });

const MAX_ID = 255;
const MAX_TEXT = 2000;

function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const gradeByUpper = new Map<string, string>(gradeLevels.map((g) => [g.toUpperCase(), g]));

/** CEDS codes as written, plus what spreadsheets do to them: "9" for "09", "K" for "KG". */
function normalizeGrade(raw: string): string | undefined {
  const upper = raw.toUpperCase();
  if (/^\d$/.test(upper)) return gradeByUpper.get(`0${upper}`);
  if (upper === 'K') return 'KG';
  return gradeByUpper.get(upper);
}

function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function enumLookup(values: readonly string[]): Map<string, string> {
  return new Map(values.map((v) => [v.toLowerCase(), v]));
}
const enumCache = new WeakMap<readonly string[], Map<string, string>>();

/**
 * Checks and normalises one field. Enumerations and booleans match without regard to case
 * (exports from spreadsheets write TRUE and Student); the stored value is the spec's spelling.
 */
export function convertValue(col: ColumnSpec, raw: string, isRequired: boolean): Converted {
  const v = raw.trim();
  if (v === '')
    return isRequired ? fail('is required') : ok(col.kind === 'list' || col.kind === 'idList' || col.kind === 'grades' ? [] : null);
  switch (col.kind) {
    case 'id':
      return v.length > MAX_ID ? fail(`is longer than ${MAX_ID} characters`) : ok(v);
    case 'text':
      return v.length > MAX_TEXT ? fail(`is longer than ${MAX_TEXT} characters`) : ok(v);
    case 'secret':
      return ok(null);
    case 'status': {
      const s = v.toLowerCase();
      if (s === 'active') return ok('active');
      // 'inactive' is the OneRoster 1.0 spelling of tobedeleted.
      if (s === 'tobedeleted' || s === 'inactive') return ok('inactive');
      return fail('must be active or tobedeleted');
    }
    case 'enum': {
      const values = col.values ?? [];
      let lookup = enumCache.get(values);
      if (!lookup) enumCache.set(values, (lookup = enumLookup(values)));
      const hit = lookup.get(v.toLowerCase());
      return hit ? ok(hit) : fail(`must be one of: ${values.join(', ')}`);
    }
    case 'bool': {
      const b = v.toLowerCase();
      if (b === 'true') return ok(true);
      if (b === 'false') return ok(false);
      return fail('must be true or false');
    }
    case 'date': {
      // Some exports write a midnight timestamp where the spec asks for a date: the date part is meant.
      const d = /^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : v;
      return isCalendarDate(d) ? ok(d) : fail('must be a date written YYYY-MM-DD');
    }
    case 'datetime':
      return isCalendarDate(v.slice(0, 10)) && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)
        ? ok(null)
        : fail('must be an ISO 8601 date and time, such as 2026-08-24T12:00:00Z');
    case 'year':
      return /^\d{4}$/.test(v) ? ok(Number(v)) : fail('must be a four-digit year');
    case 'list':
      return ok(splitList(v));
    case 'idList': {
      const ids = splitList(v);
      const long = ids.find((id) => id.length > MAX_ID);
      return long ? fail(`holds an id longer than ${MAX_ID} characters`) : ok(ids);
    }
    case 'grades': {
      const grades: string[] = [];
      for (const g of splitList(v)) {
        const n = normalizeGrade(g);
        if (!n) return fail(`"${g}" is not a CEDS grade level (${gradeLevels.join(', ')})`);
        if (!grades.includes(n)) grades.push(n);
      }
      return ok(grades);
    }
  }
}
