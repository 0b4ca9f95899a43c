import type { FastifyPluginAsync } from 'fastify';
import { deviceAuditRoutes } from '../audits/audits.routes';
import { bulkAssignRoutes } from '../bulk-assign/bulk-assign.routes';
import { deviceExportRoutes } from '../export/export.routes';
import { deviceLifecycleRoutes } from './lifecycle.routes';

/**
 * The fleet as a whole: physical audits, lifecycle and the refresh forecast, 1:1 coverage, the
 * spreadsheet export and bulk assignment from CSV. The devices plugin registers this one plugin.
 */
export const fleetRoutes: FastifyPluginAsync = async (app) => {
  await app.register(deviceAuditRoutes);
  await app.register(deviceLifecycleRoutes);
  await app.register(deviceExportRoutes);
  await app.register(bulkAssignRoutes);
};
