import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { customFieldCategoryParamsSchema, customFieldsListSchema, customFieldsPutSchema } from '../../../shared/api/device-custom-fields';
import { errorBodySchema } from '../../../shared/errors';
import { requestContext, requireActor } from '../../platform/http/auth.plugin';
import { authorFromRequest } from './device-author';
import { listCustomFields, replaceCustomFields } from './custom-fields';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };

/** The custom fields a district asks for on each device category. */
export const deviceCustomFieldRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/api/devices/custom-fields',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'The custom fields defined for every device category, in display order',
        response: { 200: customFieldsListSchema, ...errors },
      },
    },
    async (req) => ({ items: await listCustomFields(db, requireActor(req).districtId) }),
  );

  app.put(
    '/api/devices/custom-fields/:category',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Replace one category’s custom fields with this list, in this order (values on devices are kept)',
        params: customFieldCategoryParamsSchema,
        body: customFieldsPutSchema,
        response: { 200: customFieldsListSchema, ...errors },
      },
    },
    async (req) => {
      const author = authorFromRequest({ ...requestContext(req), actor: requireActor(req) });
      await db.transaction((tx) => replaceCustomFields(tx, author, req.params.category, req.body));
      return { items: await listCustomFields(db, author.districtId, req.params.category) };
    },
  );
};
