// The compiled server: one esbuild bundle of src/server/entry.ts (and the roster import's worker)
// in dist/server, with every npm package left external. bin/districtops.js runs it when it is at
// least as new as the sources and falls back to tsx otherwise, so tests and development never
// need a build. Used by scripts/build-server-if-needed.js (`prestart`, `npm run build:server`).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/** What the bundle is built from; its own build settings (this file) count too. */
// src/web/i18n: the server draws some pages in the app's own words (platform/http/web-strings.ts).
const sources = ['src/server', 'src/shared', 'src/web/i18n', 'scripts/server-build.js'];
export const outDir = 'dist/server';
export const entry = 'dist/server/entry.js';

/** The newest modification time under a file or folder; tests are not part of the bundle. */
function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return p.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newest(path.join(p, name))), stat.mtimeMs);
}

/** When dist/server/entry.js was built (0: never), and when its sources last changed. */
export function serverBuildState(root) {
  const main = path.join(root, entry);
  const builtAt = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((s) => newest(path.join(root, s))));
  return { builtAt, changedAt, current: builtAt > 0 && builtAt >= changedAt };
}

/**
 * esbuild comes with tsx, a run-time dependency, so a production install can build too. It is
 * found from tsx when npm did not hoist it.
 */
async function loadEsbuild(root) {
  try {
    return await import('esbuild');
  } catch {
    const fromTsx = createRequire(createRequire(path.join(root, 'package.json')).resolve('tsx/package.json'));
    return await import(fromTsx.resolve('esbuild'));
  }
}

/**
 * Packages bundled with our code rather than loaded from node_modules. zod's package entry
 * loads all of its error-message locales (64 modules, 340 KB of source held in the heap for the
 * life of the server) and its JSON-schema converters; bundled, esbuild keeps only what is used
 * (zod marks itself free of side effects). The zod type provider comes with it so that there is
 * one zod in the process. Both are plain JavaScript with no files read at run time.
 */
const bundledPackages = new Set(['zod', 'fastify-type-provider-zod']);

/** The package a bare import names: `zod/v4/core` is zod, `@fastify/error` is itself. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Every bare import (npm packages, `node:` built-ins) stays external, except the bundled packages.
 * zod's namespace export (`z.locales`) keeps every locale in the bundle even unused, so its
 * locale index is replaced by one that holds English, the messages zod configures by default
 * (nothing here chooses another: the API's errors are ours, in the reader's language).
 */
function externalExcept(bundled) {
  return {
    name: 'external-except',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        bundled.has(packageOf(args.path)) ? undefined : { path: args.path, external: true },
      );
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
          ? { path: path.join(args.resolveDir, '../locales/english-only.js'), namespace: 'zod-locales' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
        contents: "export { default as en } from './en.js';",
        resolveDir: path.dirname(args.path),
      }));
    },
  };
}

/**
 * Builds into a fresh folder and swaps it in, so no stale chunk survives and a failed build
 * leaves the previous one (or none) in place. `into` (a folder under the package root, which the
 * bundle finds its files from) lets a test build a server of its own without touching dist/server.
 */
export async function buildServer(root, { into = outDir } = {}) {
  const esbuild = await loadEsbuild(root);
  const out = path.join(root, into);
  const next = `${out}.next`;
  fs.rmSync(next, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/server/entry.ts', 'src/server/modules/rostering/stage-worker.ts'],
    outdir: next,
    entryNames: '[name]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Dependencies load from node_modules as they do under tsx, except those bundled (below).
    plugins: [externalExcept(bundledPackages)],
    // Dynamic imports stay lazy (a chunk each), as they are from the sources.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Readable stack traces; NODE_OPTIONS=--enable-source-maps maps them to src/.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  asciiOnly(next);
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(next, out);
}

/**
 * esbuild escapes non-ASCII characters in strings but keeps comments as written, and V8 holds a
 * file with a single `…` in a comment as a two-byte string: twice its size in the heap, for the
 * life of the server. Escaping what is left (comments only) keeps every file one byte a character.
 */
function asciiOnly(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    if (/\P{ASCII}/u.test(text))
      fs.writeFileSync(
        file,
        text.replace(/\P{ASCII}/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`),
      );
  }
}
