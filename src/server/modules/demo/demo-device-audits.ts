import type { Db } from '../../db/client';
import { closeAudit } from '../devices/audits/close-audit';
import { scheduleAudit } from '../devices/audits/schedule-audit';
import type { DeviceAuthor } from '../devices/device-author';
import { inServiceSql } from '../devices/lifecycle/in-service';
import { STAFF_DOMAIN } from './generate-district';
import { createRng } from './generate-random';

const DAY = 86_400_000;

export interface DemoAuditsResult {
  closed: { school: string; expected: number; seenHere: number; seenElsewhere: number; missing: number } | null;
  open: { school: string; scanned: number; expected: number } | null;
}

interface SchoolDevices {
  id: string;
  name: string;
  tags: string[];
}

/**
 * Gives the demo two physical audits, so the audits page, an audit's report and a device's history
 * show them. Scheduled and closed by the functions the API calls; the scans are written as
 * `scanAudit` records them (an audit item and an `audit_seen` event each), in one set-based
 * statement, at a technician's pace this morning (a thousand scans one by one took ~9 s of the
 * 5,000-student demo's first start), so each is the newest event in its device's history:
 * - finished: the district's smallest school, every device scanned but three not found, and two
 *   devices of another school found on its shelves;
 * - in progress: the demo principal's school, a third of its devices scanned so far.
 * Needs the demo accounts and devices.
 */
export async function seedDemoAudits(db: Db, o: { districtId: string; seed?: number; now?: number }): Promise<DemoAuditsResult> {
  const now = o.now ?? Date.now();
  const rng = createRng((o.seed ?? 1) * 7919 + 3);
  const it = (
    await db.query<{ id: string; email: string }>('SELECT id, email FROM accounts WHERE district_id = $1 AND lower(email) = $2', [
      o.districtId,
      `it@${STAFF_DOMAIN}`,
    ])
  ).rows[0];
  if (!it) throw new Error('The demo audits need the demo accounts: create them first');
  const author: DeviceAuthor = {
    districtId: o.districtId,
    accountId: it.id,
    label: it.email,
    ctx: { actor: null, ip: 'demo', userAgent: undefined, requestId: '' },
  };
  const schools = await schoolsWithDevices(db, o.districtId);
  const principalSchool = (
    await db.query<{ school_id: string }>(
      `SELECT ar.school_id FROM accounts a JOIN account_roles ar ON ar.account_id = a.id
        WHERE a.district_id = $1 AND lower(a.email) = $2 AND ar.role = 'principal'`,
      [o.districtId, `principal@${STAFF_DOMAIN}`],
    )
  ).rows[0]?.school_id;
  const inProgress = schools.find((s) => s.id === principalSchool);
  const smallest = schools.filter((s) => s !== inProgress).sort((a, b) => a.tags.length - b.tags.length)[0];
  // Named as staff name them: the month's count ("December count"); the school is the audit's own column.
  const name = `${new Date(now).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} count`;
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  const schedule = (school: SchoolDevices, dueOn: string) =>
    db.transaction((tx) => scheduleAudit(tx, author, { schoolId: school.id, name, dueOn }));
  // Scans end half an hour ago, one every 6 seconds: after every other event the demo planned.
  const scanAll = async (id: string, tags: string[]) => {
    await db.transaction(async (tx) => {
      const start = new Date(now - 30 * 60_000 - tags.length * 6_000).toISOString();
      await tx.query("UPDATE device_audits SET created_at = $2::timestamptz - interval '15 minutes' WHERE id = $1", [id, start]);
      // One statement: each scan's audit item and its device's `audit_seen` event.
      await tx.query(
        `WITH x AS (
           SELECT d.id AS device_id, d.school_id, d.status, u.tag, $3::timestamptz + (u.ord * interval '6 seconds') AS at,
                  CASE WHEN d.school_id = a.school_id THEN 'seen_here' ELSE 'seen_elsewhere' END AS result, s.name AS school_name
             FROM unnest($2::text[]) WITH ORDINALITY AS u(tag, ord)
             JOIN devices d ON d.district_id = $1 AND coalesce(d.asset_tag, d.serial) = u.tag
             JOIN device_audits a ON a.id = $4 JOIN schools s ON s.id = a.school_id),
         items AS (
           INSERT INTO device_audit_items (district_id, audit_id, device_id, result, scanned_as, device_school_id, device_status, seen_at, seen_by)
           SELECT $1, $4, x.device_id, x.result, x.tag, x.school_id, x.status, x.at, $6 FROM x)
         INSERT INTO device_events (district_id, device_id, at, actor_account_id, actor_label, type, details)
         SELECT $1, x.device_id, x.at, $5, $6, 'audit_seen', json_build_object('auditId', $4::text, 'schoolName', x.school_name, 'result', x.result)
           FROM x ORDER BY x.at`,
        [o.districtId, tags, start, id, author.accountId, author.label],
      );
    });
  };

  let closed: DemoAuditsResult['closed'] = null;
  if (smallest) {
    const id = await schedule(smallest, day(0));
    const notFound = new Set(rng.shuffle([...smallest.tags]).slice(0, 3));
    const elsewhere = schools.find((s) => s !== smallest && s !== inProgress && s.tags.length >= 2)?.tags.slice(-2) ?? [];
    await scanAll(id, [...smallest.tags.filter((t) => !notFound.has(t)), ...elsewhere]);
    await db.transaction((tx) =>
      closeAudit(tx, author, id, 'Three not found: asked the teachers to check their rooms and the carts before marking them lost.'),
    );
    const { rows } = await db.query<{ expected: number; here: number; elsewhere: number; missing: number }>(
      `SELECT expected_count AS expected, seen_here_count AS here, seen_elsewhere_count AS elsewhere, missing_count AS missing
         FROM device_audits WHERE id = $1`,
      [id],
    );
    const c = rows[0]!;
    closed = { school: smallest.name, expected: c.expected, seenHere: c.here, seenElsewhere: c.elsewhere, missing: c.missing };
  }

  let open: DemoAuditsResult['open'] = null;
  if (inProgress) {
    const id = await schedule(inProgress, day(7));
    const scanned = rng.shuffle([...inProgress.tags]).slice(0, Math.ceil(inProgress.tags.length / 3));
    await scanAll(id, scanned);
    open = { school: inProgress.name, scanned: scanned.length, expected: inProgress.tags.length };
  }
  return { closed, open };
}

/** Each active school's devices in service (what an audit expects), by asset tag or serial. */
async function schoolsWithDevices(db: Db, districtId: string): Promise<SchoolDevices[]> {
  const { rows } = await db.query<{ id: string; name: string; tags: string[] }>(
    `SELECT s.id, s.name, array_agg(coalesce(d.asset_tag, d.serial) ORDER BY coalesce(d.asset_tag, d.serial)) AS tags
       FROM schools s JOIN devices d ON d.school_id = s.id AND d.district_id = s.district_id
      WHERE s.district_id = $1 AND s.status = 'active' AND d.status IN ${inServiceSql}
      GROUP BY s.id, s.name ORDER BY s.name`,
    [districtId],
  );
  return rows;
}
