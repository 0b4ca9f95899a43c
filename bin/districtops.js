#!/usr/bin/env node
// Runs the compiled server (dist/server, built by `npm start`'s prestart or `npm run build:server`)
// when it is at least as new as its sources; otherwise the TypeScript sources through tsx, so that
// `npx districtops`, the tests and development never need a build step.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { entry, serverBuildState } from '../scripts/server-build.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (serverBuildState(root).current) {
  await import(pathToFileURL(path.join(root, entry)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/server/entry.ts');
}
