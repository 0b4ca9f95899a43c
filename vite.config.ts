import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import postcssPresetMantineUntyped from 'postcss-preset-mantine';
import type { AcceptedPlugin } from 'postcss';
import postcssSimpleVars from 'postcss-simple-vars';
import { bundleBudget } from './tools/vite/bundle-budget';
import { precompress } from './tools/vite/precompress';

const root = path.dirname(fileURLToPath(import.meta.url));
// The package declares itself as an untyped module.
const postcssPresetMantine = postcssPresetMantineUntyped as () => AcceptedPlugin;

/**
 * The web app lives in src/web and is built to dist/web, which the server serves.
 * WEB_OUT_DIR lets the browser tests build a private copy without touching dist/web.
 */
export default defineConfig({
  root: path.join(root, 'src/web'),
  base: '/',
  plugins: [
    react(),
    // The first pages people open must stay fast on a school Chromebook: fail the build above the budget.
    bundleBudget({
      limitKb: 240,
      routes: {
        'sign-in': 'routes/sign-in/SignInPage.tsx',
        home: 'routes/home/HomePage.tsx',
        status: 'routes/status/StatusPage.tsx',
        systems: 'routes/systems/SystemsPage.tsx',
      },
      before: ['i18n/strings.en.ts'],
    }),
    // Same threshold as the server's on-the-fly compression (app.ts): below it, headers outweigh the saving.
    precompress({ minBytes: 1024 }),
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
    // The entry holds everything every page needs (~720 KB before compression, ~190 KB as sent):
    // bundleBudget above is the real guard, per page and as sent.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Required by experimentalInlineCommonChunks below; no chunk here is a library's entry.
      preserveEntrySignatures: false,
      output: {
        codeSplitting: {
          // Everything the entry imports statically loads on every page anyway: one file rather than the
          // ~35 small shared chunks the automatic splitting made of it (each a request on the first load).
          groups: [{ name: 'app', tags: ['$initial'] }],
          // A page's small shared pieces (a Mantine input, a hook, a formatter: 0.2–5 KB each) are
          // copied into each page that uses them rather than fetched one by one: the systems board went
          // from 27 files to 9. Rolldown then runs modules in strict import order, a few KB of wrappers.
          // Experimental in rolldown 1.2: the browser tests cover every page built this way.
          experimentalInlineCommonChunks: { maxSize: 16 * 1024 },
        },
      },
    },
  },
  server: {
    port: 5173,
    // Keep the browser's Host header: the server's CSRF check compares it with the Origin.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
