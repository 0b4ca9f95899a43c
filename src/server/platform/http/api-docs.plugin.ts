import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { zodSchemaController } from './zod-schemas';

type DocumentedRoute = Pick<RouteOptions, 'method' | 'url' | 'schema' | 'config'>;

/** Headers that belong to the docs app's own connection, not to the answer being passed on. */
const hopHeaders = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

/**
 * The API's documentation: the OpenAPI document (`GET /api/openapi.json`) and Swagger UI
 * (`/api/docs`), generated from every route's zod schemas and declared permission.
 *
 * Built on the first request, not at start: @fastify/swagger, Swagger UI, a YAML library and a
 * JSON-schema resolver are a few megabytes of heap that a server nobody asks for its
 * documentation would carry for nothing (issue 5 measures the server's memory). Until then the
 * plugin only remembers each route's method, URL, schema and config as it is added. The first
 * request builds a small Fastify app that holds @fastify/swagger and Swagger UI and the same routes
 * with empty handlers; the two documentation routes here pass their requests to it.
 * Registered before the routes it documents (an `onRoute` hook sees only later routes).
 */
export const apiDocsPlugin = fp(
  async (app) => {
    const routes: DocumentedRoute[] = [];
    app.addHook('onRoute', (route) => {
      // Fastify adds a HEAD for every GET; the document lists the GET, as @fastify/swagger does.
      // Hidden routes (the web app's files, these docs) are left out of the document anyway.
      if (route.method === 'HEAD' || route.url.startsWith('/api/docs') || route.schema?.hide) return;
      routes.push({ method: route.method, url: route.url, schema: route.schema, config: route.config });
    });

    let docs: Promise<FastifyInstance> | undefined;
    const docsApp = () =>
      (docs ??= buildDocsApp(routes).catch((err: unknown) => {
        docs = undefined;
        throw err;
      }));

    app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => (await docsApp()).swagger());

    const forward = async (req: FastifyRequest, reply: FastifyReply) => {
      const res = await (
        await docsApp()
      ).inject({
        method: req.method === 'HEAD' ? 'HEAD' : 'GET',
        url: req.url,
        headers: {
          accept: req.headers.accept ?? '*/*',
          ...(req.headers['if-none-match'] ? { 'if-none-match': req.headers['if-none-match'] } : {}),
        },
      });
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined && !hopHeaders.has(name)) reply.header(name, value);
      }
      return reply.code(res.statusCode).send(res.rawPayload);
    };
    const docsRoute = { config: { permission: 'public' as const }, schema: { hide: true } };
    app.get('/api/docs', docsRoute, forward);
    app.get('/api/docs/*', docsRoute, forward);
  },
  { name: 'api-docs' },
);

async function buildDocsApp(routes: readonly DocumentedRoute[]): Promise<FastifyInstance> {
  const [{ default: swagger }, { default: swaggerUi }, { jsonSchemaTransform }] = await Promise.all([
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
    import('fastify-type-provider-zod'),
  ]);
  const docs = Fastify({ logger: false, schemaController: zodSchemaController });
  await docs.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'DistrictOps API', version: '0.1.0', description: 'Every route, its permission and its schemas.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dops_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: (args) => {
      const out = jsonSchemaTransform(args);
      const permission = args.route.config?.permission;
      if (permission) out.schema = { ...out.schema, description: `Permission: \`${permission}\`` };
      return out;
    },
  });
  await docs.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { validatorUrl: null },
    // Swagger UI's own CSP would upgrade requests to HTTPS (breaking plain-HTTP installs), allow
    // framing and load an outside validator badge: keep ours instead.
    transformStaticCSP: (header) =>
      header
        .replace(/\s*upgrade-insecure-requests;?/, '')
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(' validator.swagger.io', ''),
  });
  const documented = () => undefined;
  for (const route of routes) docs.route({ ...route, handler: documented });
  await docs.ready();
  return docs;
}
