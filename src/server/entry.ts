// The process entry (bin/districtops.js, or dist/server/entry.js compiled): the heap is tuned for
// `serve` before the CLI and its dependencies load, which a static import of main.ts would not
// guarantee once bundled (a bundle's package imports are evaluated before any of its own code).
import './heap-tuning';

await import('./main');
