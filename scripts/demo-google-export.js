#!/usr/bin/env node
// Writes docs/examples/google-devices.csv: a Google Admin console export of 40 of the seed-1 demo's
// Chromebooks (src/server/modules/demo/demo-google-export.ts), from the demo seeded in memory as of
// the export's own date. Run it when the demo's fleet changes; demo-google-export.test.ts fails
// until the file matches the demo again. Takes about half a minute.
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { register } = await import('tsx/esm/api');
register();
const { EXAMPLE_FILE, writeGoogleExample } = await import('../src/server/modules/demo/demo-google-export.ts');
await writeGoogleExample(path.join(root, EXAMPLE_FILE));
process.stdout.write(`Wrote ${EXAMPLE_FILE}\n`);
