// Runs before `npm start` (and as `npm run build:server`): compiles the server to dist/server when
// the build is missing or older than its sources. The compiled server starts in a fraction of the
// time and memory tsx needs; without a build, bin/districtops.js runs the sources through tsx.
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { buildServer, serverBuildState } from './server-build.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--into <folder>`: build there instead (always), for a test's own server; dist/server is left alone.
const intoAt = process.argv.indexOf('--into');
const into = intoAt > 0 ? process.argv[intoAt + 1] : undefined;
const force = process.argv.includes('--force') || into !== undefined;
const { builtAt, current } = serverBuildState(root);
if (current && !force) process.exit(0);

if (!force)
  process.stdout.write(builtAt ? 'The server changed since it was built: compiling it…\n' : 'Compiling the server (first start)…\n');
try {
  await buildServer(root, into ? { into } : {});
} catch (err) {
  // Not fatal: bin/districtops.js runs the sources through tsx when there is no current build.
  process.stderr.write(
    `Compiling the server failed; it will run from its TypeScript sources.\n${err instanceof Error ? err.message : err}\n`,
  );
  process.exit(force ? 1 : 0);
}
