import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maintenanceCreateSchema, maintenanceSchema, type MaintenanceWindow } from '../../../../shared/api/incidents';
import { errorBodySchema } from '../../../../shared/errors';
import { AppError, notFound } from '../../../platform/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { auditChange } from '../spec-support';
import type { SystemsRuntime } from '../runtime';
import { loadMaintenanceWindows, occurrences, type MaintenanceWindowRow } from './maintenance';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const TWO_WEEKS = 14 * 86_400_000;

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

export function maintenanceRoutes(runtime: SystemsRuntime): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app;
    app.get(
      '/api/maintenance',
      {
        config: { permission: 'systems.read' },
        schema: {
          tags: ['systems'],
          summary: 'Maintenance windows with their next occurrences',
          response: { 200: z.object({ items: z.array(maintenanceSchema) }), ...errors },
        },
      },
      async (req) => {
        const now = Date.now();
        return { items: (await loadMaintenanceWindows(db, requireActor(req).districtId)).map((w) => toMaintenanceView(w, now)) };
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
          const { rows: known } = await tx.query<{ id: string }>('SELECT id FROM systems WHERE district_id = $1 AND id = ANY($2)', [
            actor.districtId,
            b.systemIds,
          ]);
          const missing = b.systemIds.find((s) => !known.some((k) => k.id === s));
          if (missing) throw new AppError('validation_failed', `unknown system "${missing}"`, { field: 'systemIds' });
          const { rows } = await tx.query<{ id: string }>(
            `INSERT INTO maintenance_windows (district_id, title_en, title_es, system_ids, timezone, starts_at, ends_at, weekdays, local_start,
                                              duration_minutes, valid_from, valid_until)
             VALUES ($1, $2, $3, $4, coalesce($5, (SELECT timezone FROM districts WHERE id = $1)), $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
            [
              actor.districtId,
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
            ],
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
        const w = (await loadMaintenanceWindows(db, actor.districtId)).find((x) => x.id === id)!;
        return reply.status(201).send(toMaintenanceView(w, Date.now()));
      },
    );

    app.delete(
      '/api/maintenance/:id',
      {
        config: { permission: 'systems.manage' },
        schema: {
          tags: ['systems'],
          summary: 'Remove a maintenance window',
          params: z.object({ id: z.uuid() }),
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
