import fs from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions, chromiumPath } from '../test/browser/chromium';

export interface BrowserLoad {
  /** From navigation to the first page of the board on screen (the frame that paints its first row). */
  ms: number;
  /**
   * From navigation to the app's own board on screen, its filters and search working: later than `ms`
   * when the server drew the board into the page (server/platform/http/first-paint.ts), the same otherwise.
   */
  appMs: number;
  /** The same on a later visit in the same browser (its cache and compiled code kept), the best of three. */
  repeatMs: number;
  /** Each cold load's `ms`, when several were made (coldLoads): `ms` and `appMs` are then their medians. */
  coldMs?: number[];
  /** The same cold loads made the moment the browser was up (coldLoads), its own start-up still running. */
  launchedMs?: number[];
  /** Everything the page fetched until the network went quiet, as received (compressed, with headers). */
  bytes: number;
  requests: number;
  /** What came, largest first: path and bytes received. */
  resources: { path: string; bytes: number }[];
}

/** How long a just-launched browser is left before the load, for its own start-up work to end. */
const SETTLE_MS = 2000;

/**
 * The systems board's first load as a CIO would see it: a browser with a cold cache (a new
 * profile) and a session, opening /systems. The browser is already open, as a CIO's is: the load
 * waits for a just-launched one to finish starting (SETTLE_MS), whose processes would otherwise
 * share the two cores with the page (~85 ms later to the first row; `settle: false` measures
 * that apart). Times the board's first rows on screen and sums what came over the wire for the
 * whole load: HTML, JavaScript, CSS, translations and the API. Needs Debian's chromium (the
 * browser tests' own); without it the bench says so and skips this figure.
 */
export async function loadBoardInBrowser(base: string, cookie: string, systemName: RegExp, settle = true): Promise<BrowserLoad | string> {
  if (!fs.existsSync(chromiumPath)) return `no browser at ${chromiumPath} (apt-get install chromium)`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // `name=value`; the value may hold '=' itself (base64), so split at the first one only.
    const eq = cookie.indexOf('=');
    await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: base }]);
    // Watches the page from its first byte for the board's first row and notes the frame that paints it.
    await context.addInitScript(watchFirstRow, systemName.source);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const paths = new Map<string, string>();
    const resources: BrowserLoad['resources'] = [];
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) =>
      paths.set(e.requestId, new URL(e.request.url).pathname),
    );
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) =>
      resources.push({ path: paths.get(e.requestId) ?? '?', bytes: e.encodedDataLength }),
    );
    // BENCH_TRACE=file: a Chrome trace of this load (open it in chrome://tracing or DevTools' Performance panel).
    const trace = process.env.BENCH_TRACE;
    if (settle) await new Promise((r) => setTimeout(r, SETTLE_MS));
    if (trace) await browser.startTracing(page, { path: trace, screenshots: false });
    const { ms, appMs } = await openBoard(page, base);
    await page.waitForLoadState('networkidle');
    if (trace) await browser.stopTracing();
    if (process.env.BENCH_VERBOSE) {
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const paints = performance.getEntriesByType('paint').map((p) => `${p.name} ${p.startTime.toFixed(0)}`);
        return `request ${n.requestStart.toFixed(0)}, first byte ${n.responseStart.toFixed(0)}, last byte ${n.responseEnd.toFixed(0)}, parsed ${n.domInteractive.toFixed(0)}, ${paints.join(', ')}`;
      });
      console.log(`    navigation (ms): ${nav}`);
      // When each request started and ended, in ms from navigation: the page's waterfall.
      const entries = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
      );
      for (const e of entries) console.log(`    ${e.start.toFixed(0).padStart(6)} ${e.end.toFixed(0).padStart(6)}  ${e.name}`);
    }
    resources.sort((a, b) => b.bytes - a.bytes);
    const bytes = resources.reduce((sum, r) => sum + r.bytes, 0);
    const requests = resources.length;

    // The CIO's next mornings: the browser keeps the files (cached for good) and, from the second
    // run of a script on, V8's compiled code; the data is asked for afresh each time.
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    let repeatMs = Infinity;
    for (let i = 0; i < 3; i++) {
      repeatMs = Math.min(repeatMs, (await openBoard(page, base)).ms);
      await page.waitForLoadState('networkidle');
    }
    return { ms, appMs, repeatMs, bytes, requests, resources };
  } finally {
    await browser.close();
  }
}

/** The middle value (the upper of the two middle ones for an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * `n` first loads, each in a browser of its own with nothing cached, one after the other: one load
 * on two cores shared with the server and the database varies by ±30%, so the figure is the
 * median (the bytes are the first load's; they do not vary). Between them, `n` more made the
 * moment the browser is up, reported apart (`launchedMs`).
 */
export async function coldLoads(base: string, cookie: string, systemName: RegExp, n: number): Promise<BrowserLoad | string> {
  const loads: BrowserLoad[] = [];
  const launchedMs: number[] = [];
  for (let i = 0; i < n; i++) {
    const load = await loadBoardInBrowser(base, cookie, systemName);
    if (typeof load === 'string') return load;
    loads.push(load);
    const launched = await loadBoardInBrowser(base, cookie, systemName, false);
    if (typeof launched === 'string') return launched;
    launchedMs.push(launched.ms);
  }
  return {
    ...loads[0]!,
    ms: median(loads.map((l) => l.ms)),
    appMs: median(loads.map((l) => l.appMs)),
    repeatMs: Math.min(...loads.map((l) => l.repeatMs)),
    coldMs: loads.map((l) => l.ms),
    launchedMs,
  };
}

/**
 * Runs in the page, before anything of it: records when a link named like `source` is first painted,
 * and when the app shows its own page (the server's first paint, if any, gone).
 *
 * The paint time: the browser's first contentful paint when the link was already in the page then
 * (a page the server drew, whose first frame has the board), else the frame after the link appeared,
 * taken once the task that paints it is done (rAF, then a timer). The second is an upper bound: a
 * long task queued meanwhile (the app's code starting) runs before the timer.
 */
function watchFirstRow(source: string) {
  // No helper functions in here: the bench's own compiler names functions with a helper that does
  // not exist in the page, and Playwright sends this function's source as it is.
  const name = new RegExp(source);
  const w = window as unknown as {
    firstRowPaintedAt?: number;
    appShownAt?: number;
    benchRow?: { seen?: number; fcp?: number; frame?: number };
  };
  const row: { seen?: number; fcp?: number; frame?: number } = (w.benchRow = {});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') row.fcp = e.startTime;
    if (row.seen !== undefined && row.frame !== undefined)
      w.firstRowPaintedAt = row.fcp !== undefined && row.fcp >= row.seen ? row.fcp : row.frame;
  }).observe({ type: 'paint', buffered: true });
  const observer = new MutationObserver(() => {
    if (row.seen === undefined && Array.from(document.querySelectorAll('a')).some((a) => name.test(a.textContent ?? ''))) {
      row.seen = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => {
          row.frame = performance.now();
          w.firstRowPaintedAt = row.fcp !== undefined && row.fcp >= row.seen! ? row.fcp : row.frame;
        }, 0),
      );
    }
    // The app's own board: the server's first paint (if any) gone, the app's root shown with the row in it.
    const root = document.getElementById('root');
    if (
      w.appShownAt === undefined &&
      !document.getElementById('first-paint') &&
      root &&
      !root.hidden &&
      Array.from(root.querySelectorAll('a')).some((a) => name.test(a.textContent ?? ''))
    ) {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (w.appShownAt = performance.now()), 0));
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
}

/** Opens the board: when its first row was painted, and when the app's own board was shown, in ms from the start of the navigation. */
async function openBoard(page: Page, base: string): Promise<{ ms: number; appMs: number }> {
  // 'commit', then the page's own record: the load event says nothing of when the board was painted.
  await page.goto(`${base}/systems`, { waitUntil: 'commit' });
  // Polled every 50 ms, not with a locator: a locator's checks lay the page out while it loads,
  // work the page would not do on its own (measured: ~80 ms of layout before the stylesheet came).
  const handle = await page.waitForFunction(
    () => {
      const w = window as unknown as { firstRowPaintedAt?: number; appShownAt?: number };
      return w.firstRowPaintedAt !== undefined && w.appShownAt !== undefined && { ms: w.firstRowPaintedAt, appMs: w.appShownAt };
    },
    undefined,
    { timeout: 30_000, polling: 50 },
  );
  return (await handle.jsonValue()) as { ms: number; appMs: number };
}
