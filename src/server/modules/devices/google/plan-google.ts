import type { Queryable } from '../../../db/client';
import type { GoogleDeviceImportReport } from '../../../../shared/api/device-imports';
import { differs } from '../import/import-types';
import type { GoogleRow } from './read-google';

/** The columns a Google import may set on a device. */
export interface GoogleColumns {
  asset_tag: string | null;
  model_id: string | null;
  location: string | null;
  org_unit_path: string | null;
  last_sync: string | null;
  os_version: string | null;
  mac_address: string | null;
  annotated_user: string | null;
  aue_date: string | null;
}
const compared = [
  'asset_tag',
  'model_id',
  'location',
  'org_unit_path',
  'last_sync',
  'os_version',
  'mac_address',
  'annotated_user',
  'aue_date',
] as const satisfies readonly (keyof GoogleColumns)[];

interface ExistingDevice extends GoogleColumns {
  id: string;
  serial: string;
  assignee_type: string | null;
  assignee_email: string | null;
  assignee_name: string | null;
}

export interface GoogleContext {
  bySerial: Map<string, ExistingDevice>;
  /** The serial of the device holding each tag, upper-cased. */
  tagHolder: Map<string, string>;
  models: { id: string; name: string; category: string }[];
}

type Holder = Pick<ExistingDevice, 'assignee_type' | 'assignee_email' | 'assignee_name'>;

/**
 * The district's devices with their Google columns and who holds each now, and its models.
 * Devices and their holders are two reads joined here, by the one open assignment a device can
 * have: joined in SQL, a plan made from stale statistics (right after a first import or a bulk
 * assignment, and always on PGlite, which has no autovacuum) nested every device against every
 * assignment, minutes for 50,000 devices.
 */
export async function loadGoogleContext(tx: Queryable, districtId: string): Promise<GoogleContext> {
  const { rows: devices } = await tx.query<Omit<ExistingDevice, keyof Holder>>(
    `SELECT d.id, d.serial, d.asset_tag, d.model_id, d.location, d.org_unit_path,
            to_char(d.last_sync AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_sync,
            d.os_version, d.mac_address, d.annotated_user, d.aue_date::text AS aue_date
       FROM devices d
      WHERE d.district_id = $1`,
    [districtId],
  );
  const { rows: holders } = await tx.query<Holder & { device_id: string }>(
    `SELECT a.device_id, a.assignee_type, p.email AS assignee_email, p.given_name || ' ' || p.family_name AS assignee_name
       FROM device_assignments a
       LEFT JOIN people p ON p.id = a.person_id
      WHERE a.district_id = $1 AND a.checked_in_at IS NULL AND a.voided_at IS NULL`,
    [districtId],
  );
  const holderOf = new Map(holders.map((h) => [h.device_id, h]));
  const rows: ExistingDevice[] = devices.map((d) => {
    const h = holderOf.get(d.id);
    return {
      ...d,
      assignee_type: h?.assignee_type ?? null,
      assignee_email: h?.assignee_email ?? null,
      assignee_name: h?.assignee_name ?? null,
    };
  });
  const models = await tx.query<{ id: string; name: string; category: string }>(
    `SELECT id, name, category FROM device_models WHERE district_id = $1
      ORDER BY category = 'chromebook' DESC, coalesce(manufacturer, ''), created_at`,
    [districtId],
  );
  return {
    bySerial: new Map(rows.map((d) => [d.serial.toUpperCase(), d])),
    tagHolder: new Map(rows.filter((d) => d.asset_tag).map((d) => [d.asset_tag!.toUpperCase(), d.serial])),
    models: models.rows,
  };
}

export interface GooglePlan {
  /** Models to create, by lower-cased name. */
  newModels: Map<string, { name: string; id?: string }>;
  creates: { row: number; serial: string; cols: GoogleColumns; newModel: string | null }[];
  updates: { row: number; device: ExistingDevice; cols: GoogleColumns; newModel: string | null }[];
  unchanged: number;
  flags: GoogleDeviceImportReport['flags'];
}

const empty: GoogleColumns = {
  asset_tag: null,
  model_id: null,
  location: null,
  org_unit_path: null,
  last_sync: null,
  os_version: null,
  mac_address: null,
  annotated_user: null,
  aue_date: null,
};

/**
 * Decides what each row does. Google's own fields are taken as reported; an asset tag, a
 * location and a model only fill a device's empty ones, and a tag that disagrees with the
 * device's (or is another device's) is flagged, never written.
 */
export function planGoogleRows(rows: GoogleRow[], ctx: GoogleContext, o: { staleBefore: Date }): GooglePlan {
  const plan: GooglePlan = { newModels: new Map(), creates: [], updates: [], unchanged: 0, flags: { stale: [], conflicts: [] } };
  const conflict = (serial: string, kind: 'annotated_user' | 'asset_tag', detail: string) =>
    plan.flags.conflicts.push({ serial, kind, detail });
  const tagHolder = new Map(ctx.tagHolder);

  for (const r of rows) {
    const v = r.values;
    const serial = v.serial!;
    const existing = ctx.bySerial.get(serial.toUpperCase());
    const cols: GoogleColumns = existing
      ? (Object.fromEntries(compared.map((c) => [c, existing[c]])) as unknown as GoogleColumns)
      : { ...empty };
    if (v.orgUnitPath) cols.org_unit_path = v.orgUnitPath;
    if (v.lastSync) cols.last_sync = v.lastSync;
    if (v.osVersion) cols.os_version = v.osVersion;
    if (v.macAddress) cols.mac_address = v.macAddress;
    if (v.user) cols.annotated_user = v.user;
    if (v.aueDate) cols.aue_date = v.aueDate;
    if (v.location && !cols.location) cols.location = v.location;

    const tag = v.assetTag;
    if (tag && cols.asset_tag && cols.asset_tag.toUpperCase() !== tag.toUpperCase()) {
      conflict(serial, 'asset_tag', `Google's asset ID is "${tag}" but the device's tag is "${cols.asset_tag}": the tag was kept`);
    } else if (tag && !cols.asset_tag) {
      const holder = tagHolder.get(tag.toUpperCase());
      if (holder && holder.toUpperCase() !== serial.toUpperCase()) {
        conflict(serial, 'asset_tag', `Google's asset ID "${tag}" is already the tag of the device with serial ${holder}: it was not set`);
      } else {
        cols.asset_tag = tag;
        tagHolder.set(tag.toUpperCase(), serial);
      }
    }

    let newModel: string | null = null;
    if (v.model && !cols.model_id) {
      const match = ctx.models.find((m) => m.name.toLowerCase() === v.model!.toLowerCase());
      if (match) cols.model_id = match.id;
      else {
        newModel = v.model.toLowerCase();
        if (!plan.newModels.has(newModel)) plan.newModels.set(newModel, { name: v.model });
      }
    }

    const person = existing?.assignee_type === 'student' || existing?.assignee_type === 'staff';
    if (v.user && existing && person && existing.assignee_email?.toLowerCase() !== v.user.toLowerCase()) {
      const who = existing.assignee_email
        ? `${existing.assignee_name} (${existing.assignee_email})`
        : `${existing.assignee_name}, who has no email`;
      conflict(serial, 'annotated_user', `Google's annotated user is ${v.user} but the device is assigned to ${who}`);
    }

    if (cols.last_sync && new Date(cols.last_sync) < o.staleBefore) {
      plan.flags.stale.push({ serial, assetTag: cols.asset_tag, lastSync: cols.last_sync });
    }

    if (!existing) plan.creates.push({ row: r.row, serial, cols, newModel });
    else if (newModel || compared.some((c) => differs(existing[c], cols[c]))) {
      plan.updates.push({ row: r.row, device: existing, cols, newModel });
    } else plan.unchanged++;
  }
  return plan;
}

export function changesOf(device: GoogleColumns, cols: GoogleColumns) {
  return Object.fromEntries(compared.filter((c) => differs(device[c], cols[c])).map((c) => [c, { from: device[c], to: cols[c] }]));
}
