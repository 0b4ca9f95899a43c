import fp from 'fastify-plugin';
import { catalogRoutes } from './catalog.routes';
import { heartbeatRoutes } from './heartbeat.routes';
import { incidentsRoutes } from './incidents/incidents.routes';
import { createHistoryKeeper } from './history/rollups';
import { publicRoutes } from './public/public.routes';
import { readinessRoutes } from './readiness/readiness.routes';
import { maintenanceRoutes } from './status/maintenance.routes';
import { statusRoutes } from './status/status.routes';
import { registerNotifyWorker } from './notify/notify.worker';
import { createSystemsRuntime, type SystemsRuntime } from './runtime';

declare module 'fastify' {
  interface FastifyInstance {
    systems: SystemsRuntime;
  }
}

/**
 * Systems & status: the catalog, checks and their scheduler, status through the dependency
 * graph, alerts, incidents and the status page.
 *
 * The scheduler starts when the server starts listening (onListen), not when the app is
 * ready: tests build the app and `inject` without listening, so no check runs behind their
 * back, and they drive time with `app.systems.scheduler.runDueChecks(now)`.
 */
export const systemsPlugin = fp(
  async (app) => {
    const history = createHistoryKeeper(app.db);
    const runtime = createSystemsRuntime({ db: app.db, jobs: app.jobs, log: app.log, periodic: (now) => history.run(now) });
    app.decorate('systems', runtime);
    registerNotifyWorker(app);
    await app.register(catalogRoutes(runtime));
    await app.register(heartbeatRoutes(runtime));
    await app.register(statusRoutes);
    await app.register(incidentsRoutes);
    await app.register(maintenanceRoutes(runtime));
    await app.register(publicRoutes(runtime));
    await app.register(readinessRoutes);
    app.addHook('onListen', async () => runtime.start());
    app.addHook('onClose', async () => runtime.stop());
  },
  { name: 'systems', dependencies: ['auth'] },
);
