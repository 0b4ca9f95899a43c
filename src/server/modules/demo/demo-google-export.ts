import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/client';
import { openPglite } from '../../db/client';
import { migrate } from '../../db/migrate';
import { importFromPath } from '../rostering/import-from-path';
import { createDemoAccounts } from './demo-accounts';
import { chromeOsMilestone, chromeOsVersion } from './demo-device-google';
import { demoModels } from './demo-device-models';
import { seedDemoRepairs } from './demo-device-repairs';
import { seedDemoDevices } from './demo-devices';
import { DEMO_DISTRICT, generateDistrict, STAFF_DOMAIN } from './generate-district';
import { createRng } from './generate-random';

/** The moment the example export was taken: the demo is seeded as of then, so the file matches it. */
export const EXAMPLE_NOW = Date.UTC(2026, 11, 4, 18, 0, 0);
export const EXAMPLE_STUDENTS = 5000;
export const EXAMPLE_FILE = 'docs/examples/google-devices.csv';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The default demo (seed 1, 5,000 students) as it is at EXAMPLE_NOW: the roster, accounts, fleet
 * and repair desk, through the same steps as `seedDemoDistrict` (the systems are not needed).
 */
export async function seedExampleDemo(db: Db): Promise<{ districtId: string; ms: { devices: number; repairs: number } }> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'districtops-example-'));
  try {
    generateDistrict({ students: EXAMPLE_STUDENTS, seed: 1, outDir: dir });
    const result = await importFromPath(db, { target: dir, district: DEMO_DISTRICT.sourcedId, source: 'demo', actorLabel: 'demo' });
    if (result.status !== 'ok' || !result.districtId) throw new Error('The demo district could not be imported');
    const districtId = result.districtId;
    await db.query(`UPDATE districts SET state_code = 'MN', timezone = 'America/Chicago' WHERE id = $1`, [districtId]);
    await createDemoAccounts(db, districtId, STAFF_DOMAIN);
    let started = Date.now();
    await seedDemoDevices(db, { districtId, seed: 1, now: EXAMPLE_NOW });
    const devices = Date.now() - started;
    started = Date.now();
    await seedDemoRepairs(db, { districtId, seed: 1, now: EXAMPLE_NOW });
    return { districtId, ms: { devices, repairs: Date.now() - started } };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

interface Chromebook {
  serial: string;
  asset_tag: string;
  status: string;
  school: string | null;
  model: string;
  org_unit_path: string;
  last_sync: string;
  os_version: string;
  mac_address: string;
  annotated_user: string | null;
  assignee_type: string | null;
  assignee_email: string | null;
}

const header = [
  'Serial Number',
  'Status',
  'Asset ID',
  'User',
  'Location',
  'Notes',
  'Org Unit Path',
  'Last Sync',
  'OS Version',
  'Model',
  'MAC Address',
];

/**
 * A Google Admin console export of 40 of the demo's Chromebooks, as Google would see them at
 * EXAMPLE_NOW: most as the inventory already has them, some synced since with a newer ChromeOS,
 * four that stopped syncing over 60 days ago (a spare never handed out, devices lost or long in
 * repair), two whose annotated user is another student than the one the device is checked out to,
 * and five Chromebooks Google enrolled that the inventory has never seen.
 */
export async function buildGoogleExample(db: Db, districtId: string): Promise<string> {
  const now = EXAMPLE_NOW;
  const rng = createRng(20_261_204);
  const { rows } = await db.query<Chromebook>(
    `SELECT d.serial, d.asset_tag, d.status, s.name AS school, m.name AS model, d.org_unit_path,
            to_char(d.last_sync AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_sync, d.os_version, d.mac_address,
            d.annotated_user, a.assignee_type, p.email AS assignee_email
       FROM devices d JOIN device_models m ON m.id = d.model_id AND m.category = 'chromebook'
       LEFT JOIN schools s ON s.id = d.school_id
       LEFT JOIN device_assignments a ON a.device_id = d.id AND a.checked_in_at IS NULL
       LEFT JOIN people p ON p.id = a.person_id
      WHERE d.district_id = $1 AND d.org_unit_path IS NOT NULL AND d.status NOT IN ('retired', 'ewaste')
      ORDER BY d.asset_tag`,
    [districtId],
  );
  const fresh = (c: Chromebook) => Date.parse(c.last_sync) > now - 3 * DAY;
  const students = rng.shuffle(rows.filter((c) => c.assignee_type === 'student' && c.status === 'assigned' && fresh(c)));
  const carts = rng.shuffle(rows.filter((c) => c.assignee_type === 'cart' && fresh(c)));
  const loaners = rng.shuffle(
    rows.filter((c) => c.status === 'in_stock' && c.org_unit_path.endsWith('/Loaners') && Date.parse(c.last_sync) > now - 20 * DAY),
  );
  const old = (status: string) => rng.shuffle(rows.filter((c) => c.status === status && Date.parse(c.last_sync) < now - 60 * DAY));
  const stale = [...old('in_stock').slice(0, 2), ...old('lost').slice(0, 1), ...old('in_repair').slice(0, 1)];

  const lines: string[][] = [];
  const line = (c: Chromebook, o: { user?: string | null; lastSync?: string; osVersion?: string } = {}) =>
    lines.push([
      c.serial,
      c.status === 'lost' || c.status === 'stolen' ? 'Disabled' : 'Provisioned',
      c.asset_tag,
      o.user === undefined ? (c.annotated_user ?? '') : (o.user ?? ''),
      '',
      '',
      c.org_unit_path,
      o.lastSync ?? c.last_sync,
      o.osVersion ?? c.os_version,
      c.model,
      c.mac_address.replaceAll(':', '').toLowerCase(),
    ]);
  const newest = chromeOsVersion(chromeOsMilestone(now - 2 * DAY), 3);
  const [unchanged, synced, swapped] = [students.slice(0, 17), students.slice(17, 25), students.slice(25, 27)];
  for (const c of unchanged) line(c);
  for (const c of synced) {
    const since = Math.max(Date.parse(c.last_sync) + 30 * MINUTE, now - rng.int(300, 36_000) * 1000 - rng.int(0, 999));
    line(c, { lastSync: new Date(Math.min(since, now - MINUTE)).toISOString(), osVersion: newest });
  }
  for (const c of [...carts.slice(0, 3), ...loaners.slice(0, 1), ...stale]) line(c);
  // Two students who swapped Chromebooks: Google still names each device's first user.
  const [a, b] = swapped as [Chromebook, Chromebook];
  line(a, { user: b.assignee_email });
  line(b, { user: a.assignee_email });

  const known = new Set(rows.map((c) => c.serial.toUpperCase()));
  const school = a.school ?? 'Lakeside High School';
  for (let i = 0; i < 5; i++) {
    let serial = demoModels['acer-511'].serial(rng);
    while (known.has(serial)) serial = demoModels['acer-511'].serial(rng);
    known.add(serial);
    const mac = Array.from({ length: 3 }, () => rng.int(0, 255).toString(16).padStart(2, '0')).join('');
    lines.push([
      serial,
      'Provisioned',
      '',
      '',
      '',
      'Enrolled from the library donation',
      `/Students/${school}/Spares`,
      new Date(now - rng.int(1_800, 86_400) * 1000 - rng.int(0, 999)).toISOString(),
      newest,
      demoModels['acer-511'].name,
      `a4c3f0${mac}`,
    ]);
  }
  lines.sort((x, y) => x[0]!.localeCompare(y[0]!));
  return [header, ...lines].map((l) => l.map(csvCell).join(',')).join('\n') + '\n';
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Seeds the example demo in memory and writes the export (what scripts/demo-google-export.js runs). */
export async function writeGoogleExample(file: string): Promise<void> {
  const db = await openPglite(undefined);
  try {
    await migrate(db);
    const { districtId } = await seedExampleDemo(db);
    await fs.promises.writeFile(file, await buildGoogleExample(db, districtId));
  } finally {
    await db.close();
  }
}
