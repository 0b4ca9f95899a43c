import type { FastifyPluginAsync } from 'fastify';
import { repairRoutes } from './repairs.routes';
import { partRoutes } from './parts.routes';
import { loanerRoutes } from './loaners.routes';
import { feeRoutes } from './fees.routes';
import { registerPickupNoticeWorker } from './pickup-notice';

/** Repairs, parts, loaner pools and fees, and the worker that emails "ready for pickup". */
export const deviceRepairRoutes: FastifyPluginAsync = async (app) => {
  await app.register(repairRoutes);
  await app.register(partRoutes);
  await app.register(loanerRoutes);
  await app.register(feeRoutes);
  registerPickupNoticeWorker(app);
};
