// Runs before `npm start`: builds the web app when dist/web is missing or older than its sources,
// so that `npm install && npm start` on a fresh clone serves the whole product.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const index = path.join(root, 'dist/web/index.html');
const sources = ['src/web', 'src/shared', 'tools/vite', 'vite.config.ts', 'package-lock.json'];

/** The newest modification time under a file or folder. */
function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newest(path.join(p, name))), stat.mtimeMs);
}

const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (builtAt >= changedAt) process.exit(0);

const vite = path.join(root, 'node_modules/vite/bin/vite.js');
if (!fs.existsSync(vite)) {
  // A production install without dev dependencies: serve what is there, or say what is missing.
  if (builtAt > 0) process.exit(0);
  process.stderr.write(
    'The web app is not built and Vite is not installed: run `npm install` (with dev dependencies), then `npm start`.\n',
  );
  process.exit(1);
}
process.stdout.write(builtAt ? 'The web app changed since it was built: building it…\n' : 'Building the web app (first start)…\n');
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
