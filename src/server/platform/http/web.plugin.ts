import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors';
import { SESSION_COOKIE } from './auth.plugin';
import { pageHints } from './page-hints';

/**
 * Security headers that apply to a document and not to the scripts and stylesheets it loads (the
 * app starts no workers, whose script's own CSP would count). `X-Content-Type-Options: nosniff`
 * and `Cross-Origin-Resource-Policy` stay: they are about the file itself.
 */
const documentOnlyHeaders = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/**
 * Serves the built web app (dist/web) with a fallback to index.html for client-side routes.
 * Unknown /api paths answer with the JSON 404, never the app's HTML.
 */
export const webPlugin = fp<{ root: string }>(
  async (app, opts) => {
    const index = path.join(opts.root, 'index.html');
    const hasWeb = fs.existsSync(index);
    if (hasWeb) {
      await app.register(fastifyStatic, {
        root: opts.root,
        wildcard: false,
        index: false,
        // The build writes .br and .gz beside each text file (tools/vite/precompress.ts): sent as they
        // are, so serving the app costs no compression work and browsers get brotli at its best quality.
        preCompressed: true,
        // …and they are variants of their file, not files of their own: no route each (a third of
        // the routes, and memory, for nothing).
        globIgnore: ['**/*.br', '**/*.gz'],
        // @fastify/static 10 passes the Fastify reply here, not the raw response.
        setHeaders(reply, file) {
          // Vite fingerprints assets, so they can be cached for good; index.html must always be fresh.
          if (!file.includes(`${path.sep}assets${path.sep}`)) {
            reply.header('cache-control', 'no-cache');
            return;
          }
          reply.header('cache-control', 'public, max-age=31536000, immutable');
          // Helmet's headers that govern a document (its CSP, framing, opener, referrer) mean nothing
          // on a script or a stylesheet, and the first page loads dozens of them: ~0.7 KB each.
          for (const name of documentOnlyHeaders) reply.raw.removeHeader(name);
        },
      });
    }
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.url === '/api' || !hasWeb || req.method !== 'GET') {
        throw new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`);
      }
      const pathname = req.url.split('?')[0]!;
      const asset = /\.[a-z0-9]+$/i.test(pathname);
      if (asset) throw new AppError('not_found', 'File not found');
      const link = pageHints({ path: pathname, signedIn: Boolean(req.cookies[SESSION_COOKIE]) });
      if (link) reply.header('link', link);
      return reply.sendFile('index.html'); // no-cache: setHeaders above
    });
  },
  { name: 'web', dependencies: ['errors'] },
);
