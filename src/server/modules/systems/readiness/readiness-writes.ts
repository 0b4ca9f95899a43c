import type { Db, Queryable } from '../../../db/client';
import { auditFrom, writeAudit, type RequestContext } from '../../../platform/audit';
import { AppError, forbidden, notFound } from '../../../platform/errors';
import { rolesHave } from '../../../platform/policy';
import type { Actor } from '../../../platform/actor';
import { findYearId } from './readiness.repository';
import { defaultTemplate } from './template';

/** Every write takes the request (for the audit entry) and the acting account. */
export interface WriteContext {
  db: Db;
  actor: Actor;
  ctx: RequestContext;
}

const audit = (tx: Queryable, w: WriteContext, action: string, entityType: string, entityId: string, details?: Record<string, unknown>) =>
  writeAudit(tx, auditFrom(w.ctx, { districtId: w.actor.districtId, action, entityType, entityId, details }));

function daysBefore(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

async function requireYear(tx: Queryable, districtId: string, schoolYear: number) {
  return (await findYearId(tx, districtId, schoolYear)) ?? Promise.reject(notFound('School year'));
}

function requireBefore(dueDate: string, firstDay: string) {
  if (dueDate >= firstDay)
    throw new AppError('validation_failed', `due date must be before the first day of school (${firstDay})`, { field: 'dueDate' });
}

async function requireOwner(tx: Queryable, districtId: string, ownerId: string, field = 'ownerId') {
  const { rows } = await tx.query("SELECT 1 FROM accounts WHERE district_id = $1 AND id = $2 AND status = 'active'", [districtId, ownerId]);
  if (rows.length === 0) throw new AppError('validation_failed', 'the owner must be an active account of this district', { field });
}

/** Readiness is asked of the systems learning depends on; a tier-3 system has no checklist. */
async function requireCriticalSystem(tx: Queryable, districtId: string, systemId: string) {
  const { rows } = await tx.query<{ tier: number }>('SELECT tier FROM systems WHERE district_id = $1 AND id = $2', [districtId, systemId]);
  if (!rows[0]) throw new AppError('validation_failed', `unknown system "${systemId}"`, { field: 'systemId' });
  if (rows[0].tier > 2)
    throw new AppError('validation_failed', `"${systemId}" is tier ${rows[0].tier}: checklists are for tier-1 and tier-2 systems`, {
      field: 'systemId',
    });
}

export async function createYear(w: WriteContext, schoolYear: number, firstDay: string): Promise<void> {
  await w.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO readiness_years (district_id, school_year, first_day) VALUES ($1, $2, $3)
       ON CONFLICT (district_id, school_year) DO NOTHING RETURNING id`,
      [w.actor.districtId, schoolYear, firstDay],
    );
    if (!rows[0]) throw new AppError('conflict', `School year ${schoolYear} already has a readiness board`, { field: 'schoolYear' });
    await audit(tx, w, 'readiness.year_created', 'readiness_year', rows[0].id, { schoolYear, firstDay });
  });
}

export async function updateYear(w: WriteContext, schoolYear: number, firstDay: string): Promise<void> {
  await w.db.transaction(async (tx) => {
    const year = await requireYear(tx, w.actor.districtId, schoolYear);
    // Moving the first day earlier must not leave items due on or after it.
    const { rows } = await tx.query<{ title: string }>('SELECT title FROM readiness_items WHERE year_id = $1 AND due_date >= $2 LIMIT 1', [
      year.id,
      firstDay,
    ]);
    if (rows[0])
      throw new AppError('validation_failed', `"${rows[0].title}" would be due on or after the first day: move it first`, {
        field: 'firstDay',
      });
    await tx.query('UPDATE readiness_years SET first_day = $2, updated_at = now() WHERE id = $1', [year.id, firstDay]);
    await audit(tx, w, 'readiness.year_updated', 'readiness_year', year.id, { schoolYear, from: year.firstDay, to: firstDay });
  });
}

/**
 * Adds the default checklist to each tier-1 and tier-2 system (or the ones named). Idempotent:
 * items already applied are left as they are, done or not. Each item is owned by the system's
 * owner when that is an account, else by `ownerId` or the caller.
 */
export async function applyTemplate(w: WriteContext, schoolYear: number, o: { systemIds?: string[]; ownerId?: string }): Promise<number> {
  const districtId = w.actor.districtId;
  return w.db.transaction(async (tx) => {
    const year = await requireYear(tx, districtId, schoolYear);
    const fallbackOwner = o.ownerId ?? w.actor.accountId;
    if (!fallbackOwner)
      throw new AppError('validation_failed', 'an integration token must name the owner of the new items', { field: 'ownerId' });
    await requireOwner(tx, districtId, fallbackOwner);
    for (const id of o.systemIds ?? []) await requireCriticalSystem(tx, districtId, id);
    const { rows: systems } = await tx.query<{ id: string; owner: string | null }>(
      `SELECT s.id, a.id AS owner FROM systems s
         LEFT JOIN accounts a ON a.district_id = s.district_id AND a.id = s.owner_id AND a.status = 'active'
        WHERE s.district_id = $1 AND s.tier IN (1, 2) AND ($2::text[] IS NULL OR s.id = ANY($2))`,
      [districtId, o.systemIds ?? null],
    );
    // One statement for the whole batch: the template × systems, minus what is already there.
    const { rowCount } = await tx.query(
      `INSERT INTO readiness_items (district_id, year_id, system_id, template_key, title, owner_account_id, due_date, position)
       SELECT $1, $2, s.id, t.key, t.title, s.owner, t.due::date, t.position
         FROM unnest($3::text[], $4::uuid[]) AS s(id, owner)
        CROSS JOIN unnest($5::text[], $6::text[], $7::text[], $8::int[]) AS t(key, title, due, position)
       ON CONFLICT (year_id, system_id, template_key) WHERE template_key IS NOT NULL DO NOTHING`,
      [
        districtId,
        year.id,
        systems.map((s) => s.id),
        systems.map((s) => s.owner ?? fallbackOwner),
        defaultTemplate.map((t) => t.key),
        defaultTemplate.map((t) => t.title),
        defaultTemplate.map((t) => daysBefore(year.firstDay, t.daysBefore)),
        defaultTemplate.map((_, i) => i),
      ],
    );
    await audit(tx, w, 'readiness.template_applied', 'readiness_year', year.id, {
      schoolYear,
      systems: systems.map((s) => s.id),
      created: rowCount,
    });
    return rowCount;
  });
}

export async function createItem(
  w: WriteContext,
  schoolYear: number,
  b: { systemId: string; title: string; ownerId: string; dueDate: string },
): Promise<string> {
  const districtId = w.actor.districtId;
  return w.db.transaction(async (tx) => {
    const year = await requireYear(tx, districtId, schoolYear);
    await requireCriticalSystem(tx, districtId, b.systemId);
    await requireOwner(tx, districtId, b.ownerId);
    requireBefore(b.dueDate, year.firstDay);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO readiness_items (district_id, year_id, system_id, title, owner_account_id, due_date, position)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT coalesce(max(position) + 1, 0) FROM readiness_items WHERE year_id = $2 AND system_id = $3))
       RETURNING id`,
      [districtId, year.id, b.systemId, b.title, b.ownerId, b.dueDate],
    );
    await audit(tx, w, 'readiness.item_created', 'readiness_item', rows[0]!.id, { schoolYear, systemId: b.systemId, title: b.title });
    return rows[0]!.id;
  });
}

interface LockedItem {
  id: string;
  owner_account_id: string;
  done_at: Date | null;
  first_day: string;
}

async function lockItem(tx: Queryable, districtId: string, itemId: string): Promise<LockedItem> {
  const { rows } = await tx.query<LockedItem>(
    `SELECT i.id, i.owner_account_id, i.done_at, y.first_day FROM readiness_items i JOIN readiness_years y ON y.id = i.year_id
      WHERE i.district_id = $1 AND i.id = $2 FOR UPDATE OF i`,
    [districtId, itemId],
  );
  return rows[0] ?? Promise.reject(notFound('Readiness item'));
}

export async function updateItem(
  w: WriteContext,
  itemId: string,
  b: { title?: string; ownerId?: string; dueDate?: string },
): Promise<void> {
  await w.db.transaction(async (tx) => {
    const item = await lockItem(tx, w.actor.districtId, itemId);
    if (b.ownerId) await requireOwner(tx, w.actor.districtId, b.ownerId);
    if (b.dueDate) requireBefore(b.dueDate, item.first_day);
    await tx.query(
      `UPDATE readiness_items SET title = coalesce($2, title), owner_account_id = coalesce($3, owner_account_id),
              due_date = coalesce($4::date, due_date), updated_at = now() WHERE id = $1`,
      [itemId, b.title ?? null, b.ownerId ?? null, b.dueDate ?? null],
    );
    await audit(tx, w, 'readiness.item_updated', 'readiness_item', itemId, { ...b });
  });
}

/**
 * Marks an item done (with evidence) or open again. Managers may do it for anyone; an item's
 * owner may record their own item even without systems.manage — they did the work.
 */
export async function setItemDone(w: WriteContext, itemId: string, evidence: { text?: string; url?: string } | null): Promise<void> {
  await w.db.transaction(async (tx) => {
    const item = await lockItem(tx, w.actor.districtId, itemId);
    if (!rolesHave(w.actor.roles, 'systems.manage') && item.owner_account_id !== w.actor.accountId) {
      throw forbidden('Only the item’s owner or a systems manager may change it');
    }
    await tx.query(
      `UPDATE readiness_items SET done_at = CASE WHEN $2 THEN now() END, done_by_account_id = $3, done_by_label = $4,
              evidence_text = $5, evidence_url = $6, updated_at = now() WHERE id = $1`,
      [
        itemId,
        evidence !== null,
        evidence ? w.actor.accountId : null,
        evidence ? w.actor.label : null,
        evidence?.text ?? null,
        evidence?.url ?? null,
      ],
    );
    await audit(
      tx,
      w,
      evidence ? 'readiness.item_done' : 'readiness.item_reopened',
      'readiness_item',
      itemId,
      evidence ? { evidence } : {},
    );
  });
}

export async function deleteItem(w: WriteContext, itemId: string): Promise<void> {
  await w.db.transaction(async (tx) => {
    await lockItem(tx, w.actor.districtId, itemId);
    await tx.query('DELETE FROM readiness_items WHERE id = $1', [itemId]);
    await audit(tx, w, 'readiness.item_deleted', 'readiness_item', itemId);
  });
}
