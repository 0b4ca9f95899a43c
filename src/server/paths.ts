import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where this code runs from. Under tsx each module is its own file in src/server/…; compiled
 * (scripts/server-build.js), modules are bundled into dist/server/entry.js or a chunk beside it,
 * so a path relative to a module's own file would differ between the two. Files the server reads
 * at run time (migrations, the demo catalog, the web build) are therefore found from the package
 * root: the nearest folder above this file that holds a package.json.
 */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const here = fileURLToPath(import.meta.url);

export const packageRoot = findPackageRoot(path.dirname(here));

/** True when running the esbuild bundle in dist/server rather than the TypeScript sources. */
export const isCompiled = !here.endsWith('.ts');

/** A file of the sources, by its path from the package root (e.g. `src/server/db/migrations`). */
export const fromRoot = (relative: string): string => path.join(packageRoot, relative);
