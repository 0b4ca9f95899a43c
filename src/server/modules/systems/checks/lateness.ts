const BUCKETS = 60_001;

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
      return { runs, latenessP99: p99, latenessMax: max };
    },
    reset() {
      counts = new Uint32Array(BUCKETS);
      runs = 0;
      max = 0;
    },
  };
}
