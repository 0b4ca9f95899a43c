import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { actorForSessionCookie } from '../auth/sessions.service';
import { SESSION_COOKIE } from './auth.plugin';
import { withFirstPaint, type FirstPaint } from './first-paint';
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

interface WebOptions {
  root: string;
  /** Pages the server draws into their HTML for a signed-in visitor, by exact path (platform/http/first-paint.ts). */
  firstPaints?: Record<string, FirstPaint>;
}

/**
 * Serves the built web app (dist/web) with a fallback to index.html for client-side routes.
 * Unknown /api paths answer with the JSON 404, never the app's HTML.
 */
export const webPlugin = fp<WebOptions>(
  async (app, opts) => {
    const index = path.join(opts.root, 'index.html');
    const hasWeb = fs.existsSync(index);
    // Read once: the build does not change under a running server (a new build means a restart).
    const indexHtml = hasWeb ? fs.readFileSync(index, 'utf8') : '';
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
    /** The app's page at `pathname`: its HTML, with the API reads it starts with named for preloading. */
    const servePage = (req: FastifyRequest, reply: FastifyReply, pathname: string) => {
      const link = pageHints({ path: pathname, signedIn: Boolean(req.cookies[SESSION_COOKIE]) });
      if (link) reply.header('link', link);
      return reply.sendFile('index.html'); // no-cache: setHeaders above
    };

    // Pages the server draws first (first-paint.ts): a route each, which draws the page when it may.
    for (const [pathname, paint] of Object.entries(hasWeb ? (opts.firstPaints ?? {}) : {})) {
      app.get(pathname, async (req, reply) => {
        const session = req.cookies[SESSION_COOKIE];
        try {
          // The visitor's own view of district data: checked as the API checks it, never cached.
          const actor = session ? await actorForSessionCookie(app.db, session) : undefined;
          const page = actor ? paint(req, actor) : undefined;
          if (page) {
            const body = await page.draw();
            // Only who is signed in is worth preloading: the page's own read (the board's 300 KB)
            // would take the server's and the browser's time while the page paints; the app asks
            // for it once its code runs, and shows its page in place of this one when it comes.
            reply.header('link', pageHints({ path: pathname, signedIn: true, painted: true }));
            reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').header('vary', 'accept-encoding');
            const html = withFirstPaint(indexHtml, page, body, pathname);
            if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.send(html);
            // Compressed here and sent in one write: through the compress plugin's stream, the page's
            // end waited behind the requests its own head had just set off.
            return reply.header('content-encoding', 'gzip').send(gzipSync(html, { level: 4 }));
          }
        } catch (err) {
          // A first paint is never worth an error page: the app draws the page itself (and says what failed).
          req.log.warn({ err }, 'first paint failed');
        }
        return servePage(req, reply, pathname);
      });
    }

    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.url === '/api' || !hasWeb || req.method !== 'GET') {
        throw new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`);
      }
      const pathname = req.url.split('?')[0]!;
      const asset = /\.[a-z0-9]+$/i.test(pathname);
      if (asset) throw new AppError('not_found', 'File not found');
      return servePage(req, reply, pathname);
    });
  },
  { name: 'web', dependencies: ['errors'] },
);
