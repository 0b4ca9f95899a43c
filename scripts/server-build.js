// The compiled server: one esbuild bundle of src/server/entry.ts (and the roster import's worker)
// in dist/server, with every npm package left external. bin/districtops.js runs it when it is at
// least as new as the sources and falls back to tsx otherwise, so tests and development never
// need a build. Used by scripts/build-server-if-needed.js (`prestart`, `npm run build:server`).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/** What the bundle is built from; its own build settings (this file) count too. */
const sources = ['src/server', 'src/shared', 'scripts/server-build.js'];
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
 * Builds into a fresh folder and swaps it in, so no stale chunk survives and a failed build
 * leaves the previous one (or none) in place.
 */
export async function buildServer(root) {
  const esbuild = await loadEsbuild(root);
  const out = path.join(root, outDir);
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
    // Dependencies load from node_modules as they do under tsx: only our own code is bundled.
    packages: 'external',
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
