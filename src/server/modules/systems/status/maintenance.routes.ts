import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  maintenanceCreateSchema,
  maintenanceListSchema,
  maintenanceSchema,
  type MaintenanceWindow,
} from '../../../../shared/api/incidents';
import { errorBodySchema } from '../../../../shared/errors';
import type { Queryable } from '../../../db/client';
import { AppError, notFound } from '../../../platform/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { auditChange } from '../spec-support';
import type { SystemsRuntime } from '../runtime';
import { loadMaintenanceWindows, occurrences, type MaintenanceWindowRow } from './maintenance';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const idParams = z.object({ id: z.uuid() });
const TWO_WEEKS = 14 * 86_400_000;

type MaintenanceBody = z.output<typeof maintenanceCreateSchema>;

export function toMaintenanceView(w: MaintenanceWindowRow, now: number): MaintenanceWindow {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: w.id,
    title: { en: w.title_en, es: w.title_es },
    systemIds: w.system_ids,
    timezone: w.timezone,
    startsAt: w.starts_at?.toISOString() ?? null,
    endsAt: w.ends_at?.toISOString() ?? null,
    weekly:
      w.weekdays && w.local_start && w.duration_minutes
        ? { weekdays: w.weekdays, start: w.local_start, durationMinutes: w.duration_minutes, from: w.valid_from, until: w.valid_until }
        : null,
    activeNow: occurrences(w, now, now + 1).length > 0,
    next: occurrences(w, now, now + TWO_WEEKS)
      .slice(0, 5)
      .map((o) => ({ start: iso(o.start), end: iso(o.end) })),
  };
}

async function assertSystems(tx: Queryable, districtId: string, ids: string[]) {
  const { rows: known } = await tx.query<{ id: string }>('SELECT id FROM systems WHERE district_id = $1 AND id = ANY($2)', [
    districtId,
    ids,
  ]);
  const missing = ids.find((s) => !known.some((k) => k.id === s));
  if (missing) throw new AppError('validation_failed', `unknown system "${missing}"`, { field: 'systemIds' });
}

/** The columns after district_id, in the order of the INSERT and UPDATE below; no time zone means the district's. */
const columns = (b: MaintenanceBody) => [
  b.title.en,
  b.title.es,
  b.systemIds,
  b.timezone ?? null,
  b.startsAt ?? null,
  b.endsAt ?? null,
  b.weekly?.weekdays ?? null,
  b.weekly?.start ?? null,
  b.weekly ? Math.round(b.weekly.duration / 60_000) : null,
  b.weekly?.from ?? null,
  b.weekly?.until ?? null,
];
const DISTRICT_TZ = '(SELECT timezone FROM districts WHERE id = $1)';

export function maintenanceRoutes(runtime: SystemsRuntime): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app;
    const view = async (districtId: string, id: string) =>
      toMaintenanceView(
        (await loadMaintenanceWindows(db, districtId)).find((x) => x.id === id)!,
        Date.now(),
      );

    app.get(
      '/api/maintenance',
      {
        config: { permission: 'systems.read' },
        schema: {
          tags: ['systems'],
          summary: 'Maintenance windows with their next occurrences, and the district’s time zone',
          response: { 200: maintenanceListSchema, ...errors },
        },
      },
      async (req) => {
        const now = Date.now();
        const { districtId } = requireActor(req);
        const [windows, tz] = await Promise.all([
          loadMaintenanceWindows(db, districtId),
          db.query<{ timezone: string }>('SELECT timezone FROM districts WHERE id = $1', [districtId]),
        ]);
        return { items: windows.map((w) => toMaintenanceView(w, now)), timezone: tz.rows[0]?.timezone ?? 'UTC' };
      },
    );

    app.post(
      '/api/maintenance',
      {
        config: { permission: 'systems.manage' },
        schema: {
          tags: ['systems'],
          summary: 'Plan a maintenance window (one-off, or weekly in a time zone): no alerts, "maintenance" on the status page',
          body: maintenanceCreateSchema,
          response: { 201: maintenanceSchema, ...errors },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const b = req.body;
        const id = await db.transaction(async (tx) => {
          await assertSystems(tx, actor.districtId, b.systemIds);
          const { rows } = await tx.query<{ id: string }>(
            `INSERT INTO maintenance_windows (district_id, title_en, title_es, system_ids, timezone, starts_at, ends_at, weekdays, local_start,
                                              duration_minutes, valid_from, valid_until)
             VALUES ($1, $2, $3, $4, coalesce($5, ${DISTRICT_TZ}), $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
            [actor.districtId, ...columns(b)],
          );
          await auditChange(
            tx,
            actor.districtId,
            { ctx: requestContext(req) },
            {
              action: 'maintenance.created',
              entityType: 'maintenance_window',
              entityId: rows[0]!.id,
              details: { title: b.title.en, systemIds: b.systemIds },
            },
          );
          return rows[0]!.id;
        });
        await runtime.evaluate(actor.districtId);
        return reply.status(201).send(await view(actor.districtId, id));
      },
    );

    app.put(
      '/api/maintenance/:id',
      {
        config: { permission: 'systems.manage' },
        schema: {
          tags: ['systems'],
          summary: 'Change a maintenance window: the whole window, as when planning it (a one-off can become weekly and back)',
          params: idParams,
          body: maintenanceCreateSchema,
          response: { 200: maintenanceSchema, ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const b = req.body;
        await db.transaction(async (tx) => {
          const { rows } = await tx.query<{ id: string }>(
            `UPDATE maintenance_windows
                SET title_en = $3, title_es = $4, system_ids = $5, timezone = coalesce($6, ${DISTRICT_TZ}), starts_at = $7, ends_at = $8,
                    weekdays = $9, local_start = $10, duration_minutes = $11, valid_from = $12, valid_until = $13
              WHERE district_id = $1 AND id = $2 RETURNING id`,
            [actor.districtId, req.params.id, ...columns(b)],
          );
          if (rows.length === 0) throw notFound('Maintenance window');
          // After the lookup, so another district's window is "not found" whatever it names; a refusal rolls the update back.
          await assertSystems(tx, actor.districtId, b.systemIds);
          await auditChange(
            tx,
            actor.districtId,
            { ctx: requestContext(req) },
            {
              action: 'maintenance.updated',
              entityType: 'maintenance_window',
              entityId: req.params.id,
              details: { title: b.title.en, systemIds: b.systemIds, weekly: Boolean(b.weekly) },
            },
          );
        });
        await runtime.evaluate(actor.districtId);
        return view(actor.districtId, req.params.id);
      },
    );

    app.delete(
      '/api/maintenance/:id',
      {
        config: { permission: 'systems.manage' },
        schema: {
          tags: ['systems'],
          summary: 'Remove a maintenance window',
          params: idParams,
          response: { 200: z.object({ ok: z.literal(true) }), ...errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await db.transaction(async (tx) => {
          const del = await tx.query('DELETE FROM maintenance_windows WHERE district_id = $1 AND id = $2', [
            actor.districtId,
            req.params.id,
          ]);
          if (del.rowCount === 0) throw notFound('Maintenance window');
          await auditChange(
            tx,
            actor.districtId,
            { ctx: requestContext(req) },
            { action: 'maintenance.deleted', entityType: 'maintenance_window', entityId: req.params.id },
          );
        });
        await runtime.evaluate(actor.districtId);
        return { ok: true as const };
      },
    );
  };
}
