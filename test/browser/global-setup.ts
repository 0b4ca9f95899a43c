import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { repoRoot, webBuildDir } from './paths';

/** Builds the web app once for the whole run (SKIP_WEB_BUILD=1 reuses the last build while iterating on tests). */
export default async function setup() {
  if (process.env.SKIP_WEB_BUILD === '1' && fs.existsSync(path.join(webBuildDir, 'index.html'))) return;
  // Vitest sets NODE_ENV=test, which would give React's development build: test what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  process.env.WEB_OUT_DIR = webBuildDir;
  try {
    await build({ configFile: path.join(repoRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
