import type { FastifyInstance } from 'fastify';
import { localUrl, type Config } from './config';
import { buildApp } from './app';
import { openDatabase } from './context';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Opens the database, seeds the demo district on first start, and listens. */
export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const opened = await openDatabase(config, 'serve');
  const { db } = opened;
  try {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM districts');
    const displayUrl = localUrl(config);
    let demoMessage: string | undefined;
    if (rows[0]!.n === 0) {
      if (config.demo) {
        log(`Empty database: creating the demo district with ${config.demoStudents} students (DEMO=0 to start empty)…`);
        // The demo's checks watch this server itself (its local address, not PUBLIC_URL, which may be a proxy's name).
        // Loaded only for an empty database: the demo's generators are most of a megabyte of code.
        const { describeDemoSignIn, seedDemoDistrict } = await import('./modules/demo/seed-demo');
        const demo = await seedDemoDistrict(db, { students: config.demoStudents, selfUrl: displayUrl });
        demoMessage = describeDemoSignIn(demo, config.publicUrl ?? displayUrl);
      } else {
        demoMessage =
          'The database is empty. Create the first administrator (and the district) with:\n' +
          '  npx districtops user add --district-name "Your District" --email you@district.org --name "Your Name" --role district_admin';
      }
    }
    const app = await buildApp({ config, db });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    opened.announce(url);
    await app.jobs.start();
    log(`DistrictOps is running at ${url} (database: ${db.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
    if (demoMessage) log(demoMessage.replace(displayUrl, url));
    return {
      app,
      url,
      async close() {
        await app.jobs.stop();
        await app.close();
        await opened.close();
      },
    };
  } catch (err) {
    await opened.close();
    throw err;
  }
}
