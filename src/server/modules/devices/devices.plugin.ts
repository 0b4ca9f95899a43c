import fp from 'fastify-plugin';
import { deviceInventoryRoutes } from './devices.routes';
import { deviceAssignmentRoutes } from './assignment.routes';
import { deviceModelRoutes } from './models.routes';
import { deviceImportRoutes } from './import.routes';
import { googleDeviceImportRoutes } from './google/google-import.routes';
import { deviceRepairRoutes } from './repairs/repairs.plugin';
import { fleetRoutes } from './lifecycle/fleet.plugin';
import { deviceCustomFieldRoutes } from './custom-fields.routes';

/**
 * Devices (1:1): inventory, models, check-out and check-in, the scan station, holds, agreements,
 * CSV and Google Admin import; repairs, loaners and fees; audits, lifecycle, coverage and export.
 */
export const devicesPlugin = fp(
  async (app) => {
    await app.register(deviceInventoryRoutes);
    await app.register(deviceAssignmentRoutes);
    await app.register(deviceModelRoutes);
    await app.register(deviceCustomFieldRoutes);
    await app.register(deviceImportRoutes);
    await app.register(googleDeviceImportRoutes);
    await app.register(deviceRepairRoutes);
    await app.register(fleetRoutes);
  },
  { name: 'devices', dependencies: ['auth'] },
);
