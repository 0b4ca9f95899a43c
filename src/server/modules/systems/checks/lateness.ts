const BUCKETS = 60_001;
/** The bounds exposed to Prometheus (ms): a scraper diffs two scrapes to get a window's p99. */
const EXPOSED_MS = [5, 10, 25, 50, 100, 250, 500, 750, 1000, 2500, 5000, 10_000, 30_000];

/**
 * How late checks start against their schedule, as a histogram at 1 ms resolution (the last
 * bucket holds everything from a minute on): constant memory and cost however many checks run.
 */
export function createLatenessHistogram() {
  let counts = new Uint32Array(BUCKETS);
  let runs = 0;
  let max = 0;
  return {
    record(lateMs: number) {
      counts[Math.min(lateMs, BUCKETS - 1)]!++;
      runs++;
      max = Math.max(max, lateMs);
    },
    summary() {
      let seen = 0;
      let p99 = 0;
      for (let ms = 0; ms < BUCKETS; ms++) {
        seen += counts[ms]!;
        if (seen >= runs * 0.99) {
          p99 = ms;
          break;
        }
      }
      const latenessBuckets: { leMs: number; count: number }[] = [];
      let below = 0;
      let ms = 0;
      for (const leMs of EXPOSED_MS) {
        for (; ms <= leMs; ms++) below += counts[ms]!;
        latenessBuckets.push({ leMs, count: below });
      }
      return { runs, latenessP99: p99, latenessMax: max, latenessBuckets };
    },
    reset() {
      counts = new Uint32Array(BUCKETS);
      runs = 0;
      max = 0;
    },
  };
}
