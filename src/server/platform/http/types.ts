import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../actor';
import type { Permission } from '../policy';
import type { Mailer } from '../mail';
import type { JobQueue } from '../jobs';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route: checked before the handler runs. Every /api route must declare one. */
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    db: Db;
    config: Config;
    mailer: Mailer;
    jobs: JobQueue;
  }
}
