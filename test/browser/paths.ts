import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The browser tests build the web app here, so they never race a developer's dist/web
 * (BROWSER_WEB_DIR gives two people working side by side a build each).
 */
export const webBuildDir = process.env.BROWSER_WEB_DIR ?? path.join(repoRoot, 'test-results/web');
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');
