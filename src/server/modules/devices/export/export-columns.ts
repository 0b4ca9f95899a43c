import type { Assignee, DeviceStatus } from '../../../../shared/api/devices';
import type { ImportField } from '../import/header-aliases';
import { categoryLabel } from '../import/parse-values';

/** One device as the export reads it (snake_case: straight from SQL). */
export interface ExportRow {
  asset_tag: string | null;
  serial: string;
  model_name: string | null;
  manufacturer: string | null;
  category: string | null;
  status: DeviceStatus;
  school_name: string | null;
  location: string | null;
  purchase_date: string | null;
  cost: string | null;
  funding_source: string | null;
  warranty_end: string | null;
  /** The device's own AUE override only: exporting the model's would turn it into an override on re-import. */
  aue_date: string | null;
  notes: string | null;
  mac_address: string | null;
  custom_fields: Record<string, unknown>;
  kind: 'assigned' | 'loaner' | null;
  assignee_type: Assignee['type'] | null;
  assignee_name: string | null;
  assignee_identifier: string | null;
  assignee_label: string | null;
}

export type CellKind = 'text' | 'date' | 'money';

/**
 * The export's columns, in order: the CSV import's own header for each field (so an exported file
 * imports back unchanged), then the custom fields as "custom:Name", then who holds the device.
 */
export const exportColumns: readonly { header: string; field: ImportField; kind: CellKind; value: (r: ExportRow) => string | null }[] = [
  { header: 'Asset Tag', field: 'assetTag', kind: 'text', value: (r) => r.asset_tag },
  { header: 'Serial Number', field: 'serial', kind: 'text', value: (r) => r.serial },
  { header: 'Model', field: 'model', kind: 'text', value: (r) => r.model_name },
  { header: 'Manufacturer', field: 'manufacturer', kind: 'text', value: (r) => r.manufacturer },
  { header: 'Category', field: 'category', kind: 'text', value: (r) => (r.category ? categoryLabel(r.category) : null) },
  { header: 'Status', field: 'status', kind: 'text', value: (r) => statusCell(r.status) },
  { header: 'School', field: 'school', kind: 'text', value: (r) => r.school_name },
  { header: 'Location', field: 'location', kind: 'text', value: (r) => r.location },
  { header: 'Purchase Date', field: 'purchaseDate', kind: 'date', value: (r) => r.purchase_date },
  { header: 'Cost', field: 'cost', kind: 'money', value: (r) => r.cost },
  {
    header: 'Funding Source',
    field: 'fundingSource',
    kind: 'text',
    value: (r) => (r.funding_source ? (fundingLabels[r.funding_source] ?? r.funding_source) : null),
  },
  { header: 'Warranty End', field: 'warrantyEnd', kind: 'date', value: (r) => r.warranty_end },
  { header: 'AUE Date', field: 'aueDate', kind: 'date', value: (r) => r.aue_date },
  { header: 'Notes', field: 'notes', kind: 'text', value: (r) => r.notes },
  { header: 'MAC Address', field: 'macAddress', kind: 'text', value: (r) => r.mac_address },
];

/** Not a device field: the import skips it with a warning, which is what a re-import should do with it. */
export const holderHeader = 'Checked Out To';

const fundingLabels: Record<string, string> = {
  general_fund: 'General Fund',
  esser: 'ESSER',
  e_rate: 'E-Rate',
  grant: 'Grant',
  bond: 'Bond',
  other: 'Other',
};

/**
 * The status in words the import reads back. A checked-out device's status is left blank (blank
 * leaves a status as it is on import, and the import refuses "Assigned": only a check-out, which
 * records who, may set it); the "Checked Out To" column says who has it.
 */
function statusCell(status: DeviceStatus): string | null {
  switch (status) {
    case 'assigned':
    case 'loaner':
      return null;
    case 'in_stock':
      return 'In stock';
    case 'in_repair':
      return 'In repair';
    case 'lost':
      return 'Lost';
    case 'stolen':
      return 'Stolen';
    case 'retired':
      return 'Retired';
    case 'ewaste':
      return 'E-waste';
  }
}

/** "Ana Alvarez (ID-ana)", "Cart: Library 2", "Loaner: Ben Brooks (ID-ben)", or null. */
export function holderCell(r: ExportRow): string | null {
  if (!r.assignee_type) return null;
  const who =
    r.assignee_type === 'cart' || r.assignee_type === 'room'
      ? `${r.assignee_type === 'cart' ? 'Cart' : 'Room'}: ${r.assignee_label ?? ''}`
      : `${r.assignee_name ?? ''}${r.assignee_identifier ? ` (${r.assignee_identifier})` : ''}`;
  return r.kind === 'loaner' ? `Loaner: ${who}` : who;
}

export const customHeader = (name: string) => `custom:${name}`;

/** A custom field's value as a cell: strings as they are, numbers and booleans as written. */
export function customCell(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
