import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  balancesPageSchema,
  balancesQuerySchema,
  chargeCreateSchema,
  feePriceInputSchema,
  feePricePatchSchema,
  feePriceSchema,
  paymentCreateSchema,
  repairChargeResultSchema,
  statementSchema,
  waiverCreateSchema,
} from '../../../../shared/api/device-fees';
import { errorBodySchema } from '../../../../shared/errors';
import { requestContext, requireActor } from '../../../platform/http/auth.plugin';
import { notFound } from '../../../platform/errors';
import { authorFromRequest } from '../device-author';
import { asRepairConflict } from './repairs-conflict';
import { createFeePrice, listFeePrices, updateFeePrice } from './fee-prices';
import { chargeRepair } from './charge-repair';
import { addCharge } from './add-charge';
import { recordPayment, recordWaiver } from './record-credit';
import { getStatement, listBalances } from './statement';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const idParams = z.object({ id: z.uuid() });

/** Fees: the price list, charges from repairs or by hand, payments, waivers, statements and balances. */
export const feeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const author = (req: Parameters<typeof requestContext>[0]) => authorFromRequest({ ...requestContext(req), actor: requireActor(req) });
  const statement = (req: Parameters<typeof requestContext>[0], personId: string) =>
    getStatement(db, { ...requestContext(req), actor: requireActor(req) }, personId);

  app.get(
    '/api/devices/fee-prices',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'The district’s price list for device damage, by damage kind and by part',
        response: { 200: z.object({ items: z.array(feePriceSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listFeePrices(db, requireActor(req).districtId) }),
  );

  app.post(
    '/api/devices/fee-prices',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Add a price: for a damage kind or a part, with free occurrences per student per school year',
        body: feePriceInputSchema,
        response: { 201: feePriceSchema, ...errors },
      },
    },
    async (req, reply) => {
      const a = author(req);
      const id = await db.transaction((tx) => createFeePrice(tx, a, req.body)).catch(asRepairConflict);
      return reply.status(201).send((await listFeePrices(db, a.districtId, { id }))[0]!);
    },
  );

  app.patch(
    '/api/devices/fee-prices/:id',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Change a price (charges already made keep their amounts); active=false retires it',
        params: idParams,
        body: feePricePatchSchema,
        response: { 200: feePriceSchema, ...errors },
      },
    },
    async (req) => {
      const a = author(req);
      await db.transaction((tx) => updateFeePrice(tx, a, req.params.id, req.body)).catch(asRepairConflict);
      const price = (await listFeePrices(db, a.districtId, { id: req.params.id }))[0];
      if (!price) throw notFound('Price');
      return price;
    },
  );

  app.post(
    '/api/devices/repairs/:id/fees',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary:
          'Charge the repair’s student from the price list (damage kind and parts; free occurrences apply); a balance owed places a hold',
        params: idParams,
        response: { 201: repairChargeResultSchema, ...errors },
      },
    },
    async (req, reply) => {
      const a = author(req);
      const { ids, personId } = await db.transaction(async (tx) => {
        const made = await chargeRepair(tx, a, req.params.id);
        const { rows } = await tx.query<{ person_id: string }>('SELECT person_id FROM device_repairs WHERE id = $1', [req.params.id]);
        return { ids: made, personId: rows[0]!.person_id };
      });
      const s = await statement(req, personId);
      return reply.status(201).send({ charges: s.lines.filter((l) => ids.includes(l.id)), statement: s });
    },
  );

  app.post(
    '/api/devices/fees/charges',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Charge a fee by hand; a balance owed places a hold',
        body: chargeCreateSchema,
        response: { 201: statementSchema, ...errors },
      },
    },
    async (req, reply) => {
      await db.transaction((tx) => addCharge(tx, author(req), req.body));
      return reply.status(201).send(await statement(req, req.body.personId));
    },
  );

  app.post(
    '/api/devices/fees/payments',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary:
          'Record a payment (cash, check, online, other) with a reference; never card data: a reference that looks like a card number is refused. Paid to zero releases the fee hold',
        body: paymentCreateSchema,
        response: { 201: statementSchema, ...errors },
      },
    },
    async (req, reply) => {
      await db.transaction((tx) => recordPayment(tx, author(req), req.body));
      return reply.status(201).send(await statement(req, req.body.personId));
    },
  );

  app.post(
    '/api/devices/fees/waivers',
    {
      config: { permission: 'devices.manage' },
      schema: {
        tags: ['devices'],
        summary: 'Waive part or all of a balance, with a reason (audited); waived to zero releases the fee hold',
        body: waiverCreateSchema,
        response: { 201: statementSchema, ...errors },
      },
    },
    async (req, reply) => {
      await db.transaction((tx) => recordWaiver(tx, author(req), req.body));
      return reply.status(201).send(await statement(req, req.body.personId));
    },
  );

  app.get(
    '/api/devices/fees/balances',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'People who owe device fees, largest balance first (a principal: their schools’ people)',
        querystring: balancesQuerySchema,
        response: { 200: balancesPageSchema, ...errors },
      },
    },
    async (req) => listBalances(db, requireActor(req), req.query),
  );

  app.get(
    '/api/devices/fees/people/:id',
    {
      config: { permission: 'devices.read' },
      schema: {
        tags: ['devices'],
        summary: 'A person’s fee statement: charges, payments and waivers with the running balance (audited for students)',
        params: idParams,
        response: { 200: statementSchema, ...errors },
      },
    },
    async (req) => statement(req, req.params.id),
  );
};
