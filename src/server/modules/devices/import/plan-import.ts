import type { Queryable } from '../../../db/client';
import type { DeviceStatus } from '../../../../shared/api/devices';
import type { CustomField } from '../../../../shared/api/device-custom-fields';
import { listCustomFields } from '../custom-fields';
import { refusalReason, statusLabel } from '../status-machine';
import { customValues } from './custom-values';
import type { ImportField } from './header-aliases';
import { categoryLabel, guessCategory } from './parse-values';
import { compared, differs, type DeviceColumns, type ExistingDevice, type FileRow, type ReportSink } from './import-types';

/** A field in the file → the column it sets (model and school are resolved to ids first). */
const directColumns: Partial<Record<ImportField, keyof DeviceColumns>> = {
  assetTag: 'asset_tag',
  location: 'location',
  purchaseDate: 'purchase_date',
  cost: 'cost',
  fundingSource: 'funding_source',
  warrantyEnd: 'warranty_end',
  aueDate: 'aue_date',
  notes: 'notes',
  macAddress: 'mac_address',
};

export interface DistrictContext {
  bySerial: Map<string, ExistingDevice>;
  byTag: Map<string, ExistingDevice>;
  schools: Map<string, string>;
  models: { id: string; manufacturer: string | null; name: string; category: string }[];
  /** The district's custom field definitions by device category. */
  customFields: Map<string, CustomField[]>;
}

/** What the rows are checked against: the district's devices (by serial and tag), schools and models. */
export async function loadDistrict(tx: Queryable, districtId: string): Promise<DistrictContext> {
  const devices = await tx.query<ExistingDevice>(
    `SELECT id, serial, asset_tag, model_id, status, school_id, location, purchase_date, cost::text AS cost, funding_source,
            warranty_end, aue_date, notes, mac_address, custom_fields
       FROM devices WHERE district_id = $1`,
    [districtId],
  );
  const bySerial = new Map(devices.rows.map((d) => [d.serial.toUpperCase(), d]));
  const byTag = new Map(devices.rows.filter((d) => d.asset_tag).map((d) => [d.asset_tag!.toUpperCase(), d]));
  const schoolRows = await tx.query<{ id: string; name: string; sourced_id: string; identifier: string | null }>(
    'SELECT id, name, sourced_id, identifier FROM schools WHERE district_id = $1',
    [districtId],
  );
  // A school by name, sourcedId or identifier, in either case; the exact name wins a clash.
  const schools = new Map<string, string>();
  for (const s of schoolRows.rows) for (const k of [s.identifier, s.sourced_id]) if (k) schools.set(k.toLowerCase(), s.id);
  for (const s of schoolRows.rows) schools.set(s.name.toLowerCase(), s.id);
  const models = await tx.query<{ id: string; manufacturer: string | null; name: string; category: string }>(
    'SELECT id, manufacturer, name, category FROM device_models WHERE district_id = $1',
    [districtId],
  );
  const customFields = new Map<string, CustomField[]>();
  for (const f of await listCustomFields(tx, districtId)) {
    const list = customFields.get(f.category);
    if (list) list.push(f);
    else customFields.set(f.category, [f]);
  }
  return { bySerial, byTag, schools, models: models.rows, customFields };
}

export interface NewModel {
  key: string;
  manufacturer: string | null;
  name: string;
  category: string;
  id?: string;
}

export interface Plan {
  newModels: Map<string, NewModel>;
  creates: { row: number; serial: string; cols: DeviceColumns; modelKey: string | null }[];
  updates: {
    row: number;
    device: ExistingDevice;
    cols: DeviceColumns;
    modelKey: string | null;
  }[];
  unchanged: number;
}

const modelKey = (manufacturer: string | null, name: string) => `${(manufacturer ?? '').toLowerCase()}|${name.toLowerCase()}`;

/**
 * Decides, row by row, what the import will do: create, update or leave each device, which
 * models to add. Refuses a tag another device holds, an unknown school, an ambiguous model and
 * an illegal status change (with the status machine's reason).
 */
export function planRows(rows: FileRow[], ctx: DistrictContext, s: ReportSink): Plan {
  const plan: Plan = { newModels: new Map(), creates: [], updates: [], unchanged: 0 };
  const keptAssigned: string[] = [];
  for (const r of rows) {
    const serial = r.values.serial;
    if (!serial) continue; // already reported
    const existing = ctx.bySerial.get(serial.toUpperCase());
    const at = (field: ImportField, message: string) =>
      s.errors.add({ file: s.file, row: r.row, column: s.headerOf[field] ?? null, value: r.raw[field] ?? null, message });
    const errorsBefore = s.errors.items.length;

    const tag = r.values.assetTag;
    const owner = tag ? ctx.byTag.get(tag.toUpperCase()) : undefined;
    if (tag && owner && owner.serial.toUpperCase() !== serial.toUpperCase()) {
      at('assetTag', `is already the tag of the device with serial ${owner.serial}`);
    }

    let schoolId: string | undefined;
    if (r.values.school) {
      schoolId = ctx.schools.get(r.values.school.toLowerCase());
      if (!schoolId) at('school', 'is not a school of this district (use its name, sourcedId or identifier)');
    }

    let modelId: string | undefined;
    let newModelKey: string | null = null;
    if (r.values.model) {
      const name = r.values.model;
      const manufacturer = r.values.manufacturer ?? null;
      const matches = ctx.models.filter(
        (m) =>
          m.name.toLowerCase() === name.toLowerCase() &&
          (!manufacturer || (m.manufacturer ?? '').toLowerCase() === manufacturer.toLowerCase()),
      );
      if (matches.length === 1) modelId = matches[0]!.id;
      else if (matches.length > 1) at('model', 'names several models of different manufacturers: add a Manufacturer column');
      else {
        newModelKey = modelKey(manufacturer, name);
        if (!plan.newModels.has(newModelKey)) {
          plan.newModels.set(newModelKey, { key: newModelKey, manufacturer, name, category: r.values.category ?? guessCategory(name) });
        }
      }
    }

    let status = (r.values.status as DeviceStatus | undefined) ?? existing?.status ?? 'in_stock';
    if (existing && status !== existing.status) {
      const out = existing.status === 'assigned' || existing.status === 'loaner';
      const why = refusalReason(existing.status, status, 'status');
      if (out && status === 'in_stock') {
        // A spreadsheet made before the device was handed out: the check-out is the fresher fact.
        keptAssigned.push(serial);
        status = existing.status;
      } else if (why) {
        at('status', `cannot move the device from ${statusLabel(existing.status)} to ${statusLabel(status)}: ${why}`);
      }
    }
    // The device's category decides which custom fields it has: its model's, as the file names it or as stored.
    const modelOf = (id: string | null | undefined) => (id ? ctx.models.find((m) => m.id === id) : undefined);
    const category =
      (newModelKey ? plan.newModels.get(newModelKey)?.category : undefined) ?? modelOf(modelId ?? existing?.model_id)?.category ?? 'other';
    const custom = customValues(
      r.custom,
      ctx.customFields.get(category) ?? [],
      existing?.custom_fields ?? {},
      categoryLabel(category),
      (column, value, message) => s.errors.add({ file: s.file, row: r.row, column, value, message }),
    );
    if (s.errors.items.length > errorsBefore) continue;

    const cols: DeviceColumns = existing
      ? { ...pickColumns(existing) }
      : {
          asset_tag: null,
          model_id: null,
          status,
          school_id: null,
          location: null,
          purchase_date: null,
          cost: null,
          funding_source: null,
          warranty_end: null,
          aue_date: null,
          notes: null,
          mac_address: null,
          custom_fields: {},
        };
    for (const [field, column] of Object.entries(directColumns) as [ImportField, keyof DeviceColumns][]) {
      const v = r.values[field];
      if (v !== undefined) (cols as unknown as Record<string, unknown>)[column] = v;
    }
    cols.status = status;
    if (schoolId) cols.school_id = schoolId;
    if (modelId) cols.model_id = modelId;
    if (Object.keys(custom).length > 0) cols.custom_fields = { ...cols.custom_fields, ...custom };

    if (!existing) plan.creates.push({ row: r.row, serial, cols, modelKey: newModelKey });
    else if (newModelKey || compared.some((c) => differs(existing[c], cols[c]))) {
      plan.updates.push({ row: r.row, device: existing, cols, modelKey: newModelKey });
    } else plan.unchanged++;
  }
  if (keptAssigned.length > 0) {
    s.warnings.push(
      `${keptAssigned.length} checked-out device${keptAssigned.length === 1 ? '' : 's'} kept ${keptAssigned.length === 1 ? 'its' : 'their'} status although the file says In stock (check them in to return them): ${keptAssigned.slice(0, 10).join(', ')}${keptAssigned.length > 10 ? ', …' : ''}`,
    );
  }
  return plan;
}

function pickColumns(d: ExistingDevice): DeviceColumns {
  return Object.fromEntries(compared.map((c) => [c, d[c]])) as unknown as DeviceColumns;
}
