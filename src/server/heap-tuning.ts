import v8 from 'node:v8';

/**
 * Keeps the long-running server's heap close to what is live. Its live heap is small (30–40 MB)
 * and its allocation comes in bursts (a thousand checks started within a minute, an evaluation of
 * every system), which V8's defaults answer by favouring throughput: the young generation doubles
 * up to 16 MB a semi-space (32 MB resident), and the old generation may grow to several times its
 * live size before a full collection. The resident size then swings 20–100 MB above what is live
 * (bench/status-checks.ts, 1,000 checks on PostgreSQL, compiled server: RSS peaks of 120–220 MB
 * with the defaults, 110–112 MB with the first two flags below, CPU 1.8–2.2% of a core either way).
 *
 * - `--semi-space-growth-factor=1`: the young generation keeps its initial size (1 MB a
 *   semi-space): a scavenge is then more frequent but each costs little, since almost
 *   everything a check allocates is dead by the next one.
 * - `--heap-growing-percent=10`: a full collection once the old generation has grown 10% past
 *   what the last one kept, instead of V8's dynamic factor (up to 4x).
 * - `--optimize-for-size`, which makes the 10% count: otherwise V8 still lets the old generation
 *   grow by at least 8 MB past what a full collection kept (2 MB with it). V8 reads it whenever it
 *   sizes the heap, so setting it here works as on node's command line (measured both ways: RSS
 *   peaks of 89–98 MB on the command line, 91 MB here; docs/ARCHITECTURE.md, "Systems & status
 *   speed"), and `npx districtops serve` gets it too. (V8 refuses it in NODE_OPTIONS.)
 * - `--bytecode-old-age=2` and `--flush-baseline-code`: a function's bytecode (and its baseline
 *   machine code) is dropped once two full collections pass without it running (five by default;
 *   baseline code is otherwise never dropped), and compiled again from its source if it runs later
 *   (a millisecond or so). Most of the server's code runs once, at start (migrations, routes and
 *   their schemas, the scheduler's set-up); full collections come every two to three minutes
 *   here, so with the defaults that code stayed in the heap through the measured window. Code
 *   space 1.5–2 MB against 2.8–3, live heap ~2 MB smaller: RSS peaks of 88–91 MB in six 5-minute
 *   runs, against 92 and 95 MB in two without it run beside four of them (docs/ARCHITECTURE.md).
 *
 * Set at run time, and only for `serve`: the CLI's imports and the tests keep V8's defaults. It
 * runs first (entry.ts), before the server's modules load: loading them is what first grows the
 * young generation.
 *
 * `npm start` also gives node `--v8-pool-size=1`: one background thread for V8's compiling and
 * concurrent GC instead of four, each with malloc arenas of its own (RSS peaks of 92–96 MB against
 * 96–102, CPU unchanged). It is a process option: it cannot be set here, at run time.
 */
export function isServeCommand(argv: readonly string[]): boolean {
  // `serve` is the default command: `districtops` alone serves too.
  const command = argv.slice(2).find((a) => !a.startsWith('-'));
  return command === undefined || command === 'serve';
}

if (isServeCommand(process.argv)) {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  v8.setFlagsFromString('--heap-growing-percent=10');
  v8.setFlagsFromString('--optimize-for-size');
  v8.setFlagsFromString('--bytecode-old-age=2');
  v8.setFlagsFromString('--flush-baseline-code');
}
