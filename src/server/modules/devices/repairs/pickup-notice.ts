import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../../../db/client';
import type { JobQueue } from '../../../platform/jobs';
import { writeAudit } from '../../../platform/audit';
import { personNameSql } from '../devices.repository';
import { pickupMessage, type NoticeLanguage } from './pickup-message';
import { openLoanOf } from './repairs.repository';

export const PICKUP_NOTICE_QUEUE = 'devices.repair_pickup_notice';

interface Recipient {
  person_id: string;
  name: string;
  is_guardian: boolean;
  email: string;
  language: NoticeLanguage;
}

/**
 * The student whose device it is and their guardians, each at the email they sign in with (else
 * the roster's), in their account's language; 'both' languages when they have no account.
 */
async function recipientsOf(db: Queryable, districtId: string, repairId: string): Promise<Recipient[]> {
  const { rows } = await db.query<Recipient>(
    `WITH who AS (
       SELECT r.person_id AS id, false AS is_guardian FROM device_repairs r WHERE r.id = $1 AND r.district_id = $2
       UNION ALL
       SELECT gl.guardian_id, true FROM device_repairs r JOIN guardian_links gl ON gl.student_id = r.person_id
        WHERE r.id = $1 AND r.district_id = $2
     )
     SELECT DISTINCT ON (lower(coalesce(acc.email, p.email))) p.id AS person_id, ${personNameSql('p')} AS name, w.is_guardian,
            coalesce(acc.email, p.email) AS email, coalesce(acc.language, 'both') AS language
       FROM who w JOIN people p ON p.id = w.id AND p.district_id = $2 AND p.status = 'active'
       LEFT JOIN LATERAL (SELECT a.email, a.language FROM accounts a
                           WHERE a.person_id = p.id AND a.district_id = $2 AND a.status = 'active'
                           ORDER BY a.last_login_at DESC NULLS LAST, a.created_at LIMIT 1) acc ON true
      WHERE coalesce(acc.email, p.email) IS NOT NULL
      ORDER BY lower(coalesce(acc.email, p.email)), w.is_guardian`,
    [repairId, districtId],
  );
  return rows;
}

/** Queues the "ready for pickup" email in the transaction that marks the repair ready, so neither happens without the other. */
export async function queuePickupNotice(
  tx: Queryable,
  o: { jobs: JobQueue; mailConfigured: boolean; districtId: string; repairId: string },
): Promise<'queued' | 'not_configured' | 'no_recipients'> {
  if (!o.mailConfigured) return 'not_configured';
  if ((await recipientsOf(tx, o.districtId, o.repairId)).length === 0) return 'no_recipients';
  await o.jobs.enqueue(PICKUP_NOTICE_QUEUE, { repairId: o.repairId }, { districtId: o.districtId }, tx);
  return 'queued';
}

/** Sends the queued notices, one email per recipient, each recorded once (a retried job skips those sent). */
export function registerPickupNoticeWorker(app: FastifyInstance): void {
  app.jobs.work<{ repairId: string }>(PICKUP_NOTICE_QUEUE, async (job) => {
    const districtId = job.districtId!;
    const { repairId } = job.payload;
    const { rows } = await app.db.query<{
      status: string;
      asset_tag: string | null;
      serial: string;
      school_name: string | null;
      student_name: string | null;
    }>(
      `SELECT r.status, d.asset_tag, d.serial, s.name AS school_name, ${personNameSql('p')} AS student_name
         FROM device_repairs r JOIN devices d ON d.id = r.device_id LEFT JOIN schools s ON s.id = r.school_id
         LEFT JOIN people p ON p.id = r.person_id WHERE r.id = $1 AND r.district_id = $2`,
      [repairId, districtId],
    );
    const repair = rows[0];
    // Picked up (or cancelled) before the queue got to it: the email would be news of the past.
    if (!repair || repair.status !== 'ready_for_pickup') return { skipped: 'the repair is no longer ready for pickup' };
    const loan = await openLoanOf(app.db, repairId);
    const { rows: done } = await app.db.query<{ email: string }>(
      `SELECT lower(email) AS email FROM device_repair_notices WHERE repair_id = $1 AND kind = 'ready_for_pickup'`,
      [repairId],
    );
    const sentTo: string[] = [];
    for (const r of await recipientsOf(app.db, districtId, repairId)) {
      if (done.some((d) => d.email === r.email.toLowerCase())) continue;
      const message = pickupMessage(r.language, {
        recipientName: r.name,
        isGuardian: r.is_guardian,
        studentName: repair.student_name ?? '',
        deviceLabel: repair.asset_tag ?? repair.serial,
        schoolName: repair.school_name,
        loanerLabel: loan ? (loan.asset_tag ?? loan.serial) : null,
      });
      if (!(await app.mailer.send({ to: r.email, ...message }))) return { skipped: 'SMTP is not configured' };
      await app.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO device_repair_notices (district_id, repair_id, kind, person_id, email, language)
           VALUES ($1, $2, 'ready_for_pickup', $3, $4, $5) ON CONFLICT DO NOTHING`,
          [districtId, repairId, r.person_id, r.email, r.language],
        );
        await writeAudit(tx, {
          districtId,
          actor: null,
          actorLabel: 'system',
          action: 'device_repair.notice_sent',
          entityType: 'device_repair',
          entityId: repairId,
          details: { kind: 'ready_for_pickup', personId: r.person_id, email: r.email, language: r.language },
        });
      });
      sentTo.push(r.email);
    }
    return { sentTo };
  });
}
