import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import postcssPresetMantineUntyped from 'postcss-preset-mantine';
import type { AcceptedPlugin } from 'postcss';
import postcssSimpleVars from 'postcss-simple-vars';

const root = path.dirname(fileURLToPath(import.meta.url));
// The package declares itself as an untyped module.
const postcssPresetMantine = postcssPresetMantineUntyped as () => AcceptedPlugin;

interface BudgetOptions {
  /** Most gzip kilobytes of JavaScript a route may need before it can show anything. */
  limitKb: number;
  /** Route name → the route module's path under the Vite root. */
  routes: Record<string, string>;
  /** Modules every page loads before its first render (the English strings), counted for every route. */
  before?: string[];
}

interface ChunkInfo {
  code: string;
  imports: string[];
}

/**
 * Prints the initial JavaScript (gzip) each named route needs — the entry chunk, the route's own
 * chunk and everything they import statically — and fails the build when one passes the budget.
 * Vite's own report lists chunks one by one, which does not say what a page really costs.
 */
function bundleBudget(opts: BudgetOptions): Plugin {
  return {
    name: 'districtops-bundle-budget',
    apply: 'build',
    enforce: 'post',
    generateBundle(_out, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      let entry: string | undefined;
      const facades = new Map<string, string>();
      for (const [fileName, item] of Object.entries(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks.set(fileName, { code: item.code, imports: item.imports });
        if (item.isEntry) entry = fileName;
        if (item.facadeModuleId) facades.set(item.facadeModuleId.replace(/\\/g, '/'), fileName);
      }
      if (!entry) return this.error('bundle budget: no entry chunk');

      const closure = (start: string[]) => {
        const seen = new Set<string>();
        const stack = [...start];
        while (stack.length > 0) {
          const next = stack.pop()!;
          if (seen.has(next)) continue;
          seen.add(next);
          stack.push(...(chunks.get(next)?.imports ?? []));
        }
        return seen;
      };
      const gzipKb = (files: Set<string>) => [...files].reduce((sum, f) => sum + gzipSync(chunks.get(f)?.code ?? '').length, 0) / 1024;

      const chunkFor = (modulePath: string) => [...facades.entries()].find(([id]) => id.endsWith(`/${modulePath}`))?.[1];
      const before = (opts.before ?? []).map(chunkFor).filter((c): c is string => c !== undefined);
      const lines: string[] = [];
      const over: string[] = [];
      for (const [route, modulePath] of Object.entries(opts.routes)) {
        const chunk = chunkFor(modulePath);
        if (!chunk) return this.error(`bundle budget: no chunk for route "${route}" (${modulePath}); is it imported lazily?`);
        const files = closure([entry, chunk, ...before]);
        const kb = gzipKb(files);
        lines.push(`  ${route.padEnd(10)} ${kb.toFixed(1).padStart(7)} KB gzip in ${files.size} files`);
        if (kb > opts.limitKb) over.push(`${route} needs ${kb.toFixed(1)} KB`);
      }
      console.log(`\nInitial JavaScript per page (budget ${opts.limitKb} KB gzip):\n${lines.join('\n')}\n`);
      if (over.length > 0) this.error(`bundle budget exceeded: ${over.join('; ')}`);
    },
  };
}

/**
 * The web app lives in src/web and is built to dist/web, which the server serves.
 * WEB_OUT_DIR lets the browser tests build a private copy without touching dist/web.
 */
export default defineConfig({
  root: path.join(root, 'src/web'),
  base: '/',
  plugins: [
    react(),
    // The sign-in page and the home page must stay fast on a school Chromebook: fail the build above the budget.
    bundleBudget({
      limitKb: 250,
      routes: { 'sign-in': 'routes/sign-in/SignInPage.tsx', home: 'routes/home/HomePage.tsx', status: 'routes/status/StatusPage.tsx' },
      before: ['i18n/en.json'],
    }),
  ],
  css: {
    postcss: {
      plugins: [
        postcssPresetMantine(),
        postcssSimpleVars({
          variables: {
            'mantine-breakpoint-xs': '36em',
            'mantine-breakpoint-sm': '48em',
            'mantine-breakpoint-md': '62em',
            'mantine-breakpoint-lg': '75em',
            'mantine-breakpoint-xl': '88em',
          },
        }),
      ],
    },
  },
  build: {
    outDir: process.env.WEB_OUT_DIR ?? path.join(root, 'dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    // Keep the browser's Host header: the server's CSRF check compares it with the Origin.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
