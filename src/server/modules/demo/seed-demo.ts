import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/client';
import { importFromPath } from '../rostering/import-from-path';
import { createDemoAccounts, DEMO_PASSWORD, type DemoAccount } from './demo-accounts';
import { seedDemoDevices, type DemoDevicesResult } from './demo-devices';
import { seedDemoAudits, type DemoAuditsResult } from './demo-device-audits';
import { seedDemoRepairs, type DemoRepairsResult } from './demo-device-repairs';
import { DEMO_DISTRICT, generateDistrict, STAFF_DOMAIN } from './generate-district';
import { seedDemoSystems, type DemoSystemsResult } from './seed-demo-systems';

export const DEMO_DOMAIN = STAFF_DOMAIN;
export const DEFAULT_DEMO_STUDENTS = 5000;

export interface DemoResult {
  districtId: string;
  accounts: DemoAccount[];
  password: string;
  systems: DemoSystemsResult;
  devices: DemoDevicesResult;
  repairs: DemoRepairsResult;
  audits: DemoAuditsResult;
}

export interface SeedDemoOptions {
  students?: number;
  seed?: number;
  /** This server's own URL: the demo's checks point at it, so the demo never reaches the internet. */
  selfUrl?: string;
}

/**
 * Creates the demo district the way a real one arrives: generated as OneRoster CSV files and
 * imported through the same import as an SIS export, then one sign-in account per role.
 */
export async function seedDemoDistrict(db: Db, opts: SeedDemoOptions = {}): Promise<DemoResult> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'districtops-demo-'));
  try {
    generateDistrict({ students: opts.students ?? DEFAULT_DEMO_STUDENTS, seed: opts.seed ?? 1, outDir: dir });
    const result = await importFromPath(db, { target: dir, district: DEMO_DISTRICT.sourcedId, source: 'demo', actorLabel: 'demo' });
    if (result.status !== 'ok' || !result.districtId) {
      const first = result.errors[0];
      throw new Error(
        `The demo district could not be imported: ${first ? `${first.file} row ${first.row ?? '-'}: ${first.message}` : 'unknown error'}`,
      );
    }
    // OneRoster orgs carry no state or time zone: the demo's are set here.
    await db.query(`UPDATE districts SET state_code = 'MN', nces_id = $2, timezone = 'America/Chicago' WHERE id = $1`, [
      result.districtId,
      DEMO_DISTRICT.ncesId,
    ]);
    const accounts = await createDemoAccounts(db, result.districtId, DEMO_DOMAIN);
    const systems = await seedDemoSystems(db, { districtId: result.districtId, selfUrl: opts.selfUrl, seed: opts.seed });
    const devices = await seedDemoDevices(db, { districtId: result.districtId, seed: opts.seed });
    const repairs = await seedDemoRepairs(db, { districtId: result.districtId, seed: opts.seed });
    // Last: its scans are today's, the newest events of the devices they touch.
    const audits = await seedDemoAudits(db, { districtId: result.districtId, seed: opts.seed });
    return { districtId: result.districtId, accounts, password: DEMO_PASSWORD, systems, devices, repairs, audits };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

export function describeDemoSignIn(r: DemoResult, url: string): string {
  const width = Math.max(...r.accounts.map((a) => a.email.length));
  return [
    `Demo district ready. Open ${url} and sign in with any of these (password: ${r.password}):`,
    ...r.accounts.map((a) => `  ${a.email.padEnd(width)}  ${a.description}`),
    ...(r.devices.scanStation
      ? [
          `Try the scan station at ${url}/devices/scan with ${r.devices.scanStation.tags.join(', ')} (in stock at ${r.devices.scanStation.school}).`,
        ]
      : []),
  ].join('\n');
}
