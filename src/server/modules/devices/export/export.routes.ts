import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deviceExportQuerySchema } from '../../../../shared/api/device-reports';
import { errorBodySchema } from '../../../../shared/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { authorFromRequest, auditDevices } from '../device-author';
import { todayIso } from '../lifecycle/school-year';
import { planExport, readExportRows } from './read-export';
import { csvStream, xlsxStream } from './write-export';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The inventory as a spreadsheet. */
export const deviceExportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/api/devices/export',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary:
          'Every device GET /api/devices would list with the same search, filters and sort, as CSV (re-imports through POST /api/devices/import) or XLSX; streamed',
        querystring: deviceExportQuerySchema,
        produces: Object.values(contentTypes),
        response: { 200: z.string().describe('The CSV or XLSX file'), ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { format, ...filters } = req.query;
      const plan = await planExport(db, actor, req.query);
      // The file names who holds each device: the export is recorded like a read of those records.
      await auditDevices(db, authorFromRequest({ ...requestContext(req), actor }), {
        action: 'device.export',
        entityType: 'device_export',
        details: { format, filters, devices: plan.ids.length },
      });
      const rows = readExportRows(db, actor.districtId, plan.ids);
      const body = format === 'xlsx' ? await xlsxStream(plan.customFields, rows) : await csvStream(plan.customFields, rows);
      return (
        reply
          .type(contentTypes[format])
          .header('content-disposition', `attachment; filename="devices-${todayIso()}.${format}"`)
          // A stream: Fastify pipes it as it is; the 200 schema above only documents the file for OpenAPI.
          .send(body as unknown as string)
      );
    },
  );
};
