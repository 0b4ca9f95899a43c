/**
 * `npm run bench [-- <name> [options]]`: runs one benchmark by name, or every one in turn.
 * Each module exports `main(args)`; add a line to `benches` for a new one.
 */
export {};

const benches: Record<string, () => Promise<{ main(args: string[]): Promise<void> }>> = {
  'status-checks': () => import('./status-checks'),
  'roster-import': () => import('./roster-import'),
  devices: () => import('./devices'),
};

const argv = process.argv.slice(2);
const named = argv[0] !== undefined && !argv[0].startsWith('--');
const chosen = named ? [argv[0]!] : Object.keys(benches);
for (const n of chosen) {
  const load = benches[n];
  if (!load) {
    console.error(`unknown benchmark "${n}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  await (await load()).main(named ? argv.slice(1) : argv);
}
