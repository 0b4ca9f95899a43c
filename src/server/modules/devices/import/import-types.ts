import type { ErrorList } from '../../rostering/error-list';
import type { DeviceStatus } from '../../../../shared/api/devices';
import type { CustomCell } from './custom-values';
import type { ImportField } from './header-aliases';

/** One data row of the file: parsed values, the cells as written, and custom fields. */
export interface FileRow {
  row: number;
  values: Partial<Record<ImportField, string>>;
  /** The cells as written, for the report. */
  raw: Partial<Record<ImportField, string>>;
  /** "custom:Name" cells, checked against the category's custom fields once the device's model is known. */
  custom: CustomCell[];
}

/** The stored columns an import may set, as text (numbers and dates as PostgreSQL prints them). */
export interface DeviceColumns {
  asset_tag: string | null;
  model_id: string | null;
  status: DeviceStatus;
  school_id: string | null;
  location: string | null;
  purchase_date: string | null;
  cost: string | null;
  funding_source: string | null;
  warranty_end: string | null;
  aue_date: string | null;
  notes: string | null;
  mac_address: string | null;
  custom_fields: Record<string, unknown>;
}

/** The columns compared to tell an unchanged device from an updated one. */
export const compared = [
  'asset_tag',
  'model_id',
  'status',
  'school_id',
  'location',
  'purchase_date',
  'cost',
  'funding_source',
  'warranty_end',
  'aue_date',
  'notes',
  'mac_address',
  'custom_fields',
] as const satisfies readonly (keyof DeviceColumns)[];

export interface ExistingDevice extends DeviceColumns {
  id: string;
  serial: string;
}

/** Where a step of the import reports: the file's name, its errors and warnings, the header naming each field. */
export interface ReportSink {
  file: string;
  errors: ErrorList;
  warnings: string[];
  headerOf: Partial<Record<ImportField, string>>;
}

const stableJson = (o: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))));

/** Whether a stored value and a value from the file differ (jsonb compared by content). */
export function differs(a: unknown, b: unknown): boolean {
  if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') {
    return stableJson(a as Record<string, unknown>) !== stableJson(b as Record<string, unknown>);
  }
  return (a ?? null) !== (b ?? null);
}
