import { brotliCompressSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { brotliOptions } from './precompress';

interface BudgetOptions {
  /** Most kilobytes of JavaScript, as sent (brotli), a route may need before it can show anything. */
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
 * Prints the initial JavaScript each named route needs — the entry chunk, the route's own chunk and
 * everything they import statically — as the server sends it (brotli, see precompress.ts), and
 * fails the build when one passes the budget. Vite's own report lists chunks one by one, which does
 * not say what a page really costs. BUDGET_VERBOSE=1 lists each route's files.
 */
export function bundleBudget(opts: BudgetOptions): Plugin {
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
      const sent = new Map<string, number>();
      const sentBytes = (file: string) => {
        if (!sent.has(file))
          sent.set(file, brotliCompressSync(chunks.get(file)?.code ?? '', brotliOptions(chunks.get(file)?.code.length ?? 0)).length);
        return sent.get(file)!;
      };
      const sentKb = (files: Set<string>) => [...files].reduce((sum, f) => sum + sentBytes(f), 0) / 1024;

      const chunkFor = (modulePath: string) => [...facades.entries()].find(([id]) => id.endsWith(`/${modulePath}`))?.[1];
      const before = (opts.before ?? []).map(chunkFor).filter((c): c is string => c !== undefined);
      const lines: string[] = [];
      const over: string[] = [];
      for (const [route, modulePath] of Object.entries(opts.routes)) {
        const chunk = chunkFor(modulePath);
        if (!chunk) return this.error(`bundle budget: no chunk for route "${route}" (${modulePath}); is it imported lazily?`);
        const files = closure([entry, chunk, ...before]);
        const kb = sentKb(files);
        lines.push(`  ${route.padEnd(10)} ${kb.toFixed(1).padStart(7)} KB in ${files.size} files`);
        if (process.env.BUDGET_VERBOSE) for (const f of files) lines.push(`      ${(sentBytes(f) / 1024).toFixed(1).padStart(6)} ${f}`);
        if (kb > opts.limitKb) over.push(`${route} needs ${kb.toFixed(1)} KB`);
      }
      console.log(`\nInitial JavaScript per page, as sent (brotli; budget ${opts.limitKb} KB):\n${lines.join('\n')}\n`);
      if (over.length > 0) this.error(`bundle budget exceeded: ${over.join('; ')}`);
    },
  };
}
