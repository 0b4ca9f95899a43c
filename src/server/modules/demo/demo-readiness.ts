import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { applyTemplate, createYear, type WriteContext } from '../systems/readiness/readiness-writes';
import type { Rng } from './generate-random';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Minnesota schools open the Tuesday after Labor Day (the first Monday of September). */
export function firstDayOfSchool(year: number): string {
  let day = dayjs.utc(`${year}-09-01`);
  while (day.day() !== 1) day = day.add(1, 'day');
  return day.add(1, 'day').format('YYYY-MM-DD');
}

/** The coming school year: the next first day of school after today, named by the year it ends in. */
export function comingSchoolYear(today: string): { schoolYear: number; firstDay: string } {
  const year = Number(today.slice(0, 4));
  const firstDay = firstDayOfSchool(year) > today ? firstDayOfSchool(year) : firstDayOfSchool(year + 1);
  return { schoolYear: Number(firstDay.slice(0, 4)) + 1, firstDay };
}

const evidence: Record<string, (n: number, schoolYear: number) => string> = {
  'licenses-renewed': (n, y) => `Renewal signed through June ${y}, PO ${24_000 + (n % 1000)}`,
  'backups-restored': () => 'Restored last night’s backup to the test environment; sign-in, recent records and attachments checked',
  'sso-certificates': (_, y) => `SAML signing and TLS certificates valid until March ${y}`,
  'rostering-sync-tested': () => 'Test sync with next year’s sections and enrollments: no errors, counts match the SIS',
  'capacity-checked': () => 'Last year’s first-week peak was 58% of capacity; no change needed',
  'monitoring-alerts': () => 'Health checks reviewed; alert recipients updated after staff changes',
  'runbook-reviewed': () => 'Runbook reviewed; vendor escalation contacts confirmed by phone',
};

/**
 * The readiness board of the coming school year with the default checklist applied, as the CIO
 * would start it, and where the year already is: most items whose date has passed are done (with
 * evidence), a few are late, and a few renewals were signed early.
 */
export async function seedDemoReadiness(
  db: Db,
  o: { districtId: string; now: number; timezone: string; ownerId: string; rng: Rng },
): Promise<{ schoolYear: number; firstDay: string }> {
  const today = dayjs(o.now).tz(o.timezone).format('YYYY-MM-DD');
  const { schoolYear, firstDay } = comingSchoolYear(today);
  const actor: Actor = {
    kind: 'token',
    districtId: o.districtId,
    accountId: null,
    tokenId: null,
    sessionId: null,
    csrfToken: null,
    personId: null,
    label: 'demo',
    displayName: 'Demo district',
    language: 'en',
    roles: ['district_admin'],
    schoolIds: [],
  };
  const w: WriteContext = { db, actor, ctx: { actor, ip: '127.0.0.1', userAgent: undefined, requestId: 'demo' } };
  await createYear(w, schoolYear, firstDay);
  await applyTemplate(w, schoolYear, { ownerId: o.ownerId });

  const { rows } = await db.query<{ id: string; template_key: string; due_date: string; owner: string; email: string }>(
    `SELECT i.id, i.template_key, i.due_date, i.owner_account_id AS owner, a.email
       FROM readiness_items i JOIN readiness_years y ON y.id = i.year_id JOIN accounts a ON a.id = i.owner_account_id
      WHERE y.district_id = $1 AND y.school_year = $2 ORDER BY i.system_id, i.position`,
    [o.districtId, schoolYear],
  );
  const done = {
    id: [] as string[],
    at: [] as string[],
    by: [] as string[],
    label: [] as string[],
    text: [] as string[],
    url: [] as (string | null)[],
  };
  for (const [n, item] of rows.entries()) {
    const due = item.due_date < today;
    const early = item.template_key === 'licenses-renewed' || item.template_key === 'runbook-reviewed';
    if (!o.rng.chance(due ? 0.85 : early ? 0.15 : 0)) continue;
    const latest = due ? dayjs.tz(`${item.due_date} 15:00`, o.timezone).valueOf() : o.now;
    const at = latest - o.rng.int(1, 12) * 86_400_000 - o.rng.int(0, 6) * 3_600_000;
    const ticket = 10_400 + o.rng.int(0, 900);
    done.id.push(item.id);
    done.at.push(new Date(Math.min(at, o.now)).toISOString());
    done.by.push(item.owner);
    done.label.push(item.email);
    done.text.push((evidence[item.template_key] ?? (() => 'Done'))(n, schoolYear));
    done.url.push(o.rng.chance(0.6) ? `https://helpdesk.lakeside.example.org/tickets/${ticket}` : null);
  }
  await db.query(
    `UPDATE readiness_items i SET done_at = u.at, done_by_account_id = u.by, done_by_label = u.label, evidence_text = u.text,
            evidence_url = u.url, updated_at = u.at
       FROM unnest($2::uuid[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[], $7::text[]) AS u(id, at, by, label, text, url)
      WHERE i.id = u.id AND i.district_id = $1`,
    [o.districtId, done.id, done.at, done.by, done.label, done.text, done.url],
  );
  return { schoolYear, firstDay };
}
