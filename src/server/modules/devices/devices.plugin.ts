import fp from 'fastify-plugin';
import { deviceInventoryRoutes } from './devices.routes';
import { deviceAssignmentRoutes } from './assignment.routes';
import { deviceModelRoutes } from './models.routes';
import { deviceImportRoutes } from './import.routes';
import { googleDeviceImportRoutes } from './google/google-import.routes';

/** Devices (1:1): inventory, models, check-out and check-in, the scan station, holds, agreements, CSV and Google Admin import. */
export const devicesPlugin = fp(
  async (app) => {
    await app.register(deviceInventoryRoutes);
    await app.register(deviceAssignmentRoutes);
    await app.register(deviceModelRoutes);
    await app.register(deviceImportRoutes);
    await app.register(googleDeviceImportRoutes);
  },
  { name: 'devices', dependencies: ['auth'] },
);
