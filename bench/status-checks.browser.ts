import fs from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions, chromiumPath } from '../test/browser/chromium';

export interface BrowserLoad {
  /** From navigation to the first page of the board on screen (the frame that paints its first row). */
  ms: number;
  /** The same on a later visit in the same browser (its cache and compiled code kept), the best of three. */
  repeatMs: number;
  /** Everything the page fetched until the network went quiet, as received (compressed, with headers). */
  bytes: number;
  requests: number;
  /** What came, largest first: path and bytes received. */
  resources: { path: string; bytes: number }[];
}

/**
 * The systems board's first load as a CIO would see it: a browser with a cold cache (a new
 * profile) and a session, opening /systems. Times the board's first rows on screen and sums what
 * came over the wire for the whole load: HTML, JavaScript, CSS, translations and the API. Needs
 * Debian's chromium (the browser tests' own); without it the bench says so and skips this figure.
 */
export async function loadBoardInBrowser(base: string, cookie: string, systemName: RegExp): Promise<BrowserLoad | string> {
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
    if (trace) await browser.startTracing(page, { path: trace, screenshots: false });
    const ms = await openBoard(page, base);
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
      repeatMs = Math.min(repeatMs, await openBoard(page, base));
      await page.waitForLoadState('networkidle');
    }
    return { ms, repeatMs, bytes, requests, resources };
  } finally {
    await browser.close();
  }
}

/** Runs in the page, before anything of it: records when a link named like `source` is first painted. */
function watchFirstRow(source: string) {
  const name = new RegExp(source);
  const w = window as unknown as { firstRowPaintedAt?: number };
  const observer = new MutationObserver(() => {
    const row = Array.from(document.querySelectorAll('a')).find((a) => name.test(a.textContent ?? ''));
    if (!row) return;
    observer.disconnect();
    // The next frame is the one that paints it (a frame waits for the stylesheet, as the paint does).
    requestAnimationFrame(() => setTimeout(() => (w.firstRowPaintedAt = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Opens the board and returns when its first row was painted, in ms from the start of the navigation. */
async function openBoard(page: Page, base: string): Promise<number> {
  // 'commit', then the page's own record: the load event says nothing of when the board was painted.
  await page.goto(`${base}/systems`, { waitUntil: 'commit' });
  // Polled every 50 ms, not with a locator: a locator's checks lay the page out while it loads,
  // work the page would not do on its own (measured: ~80 ms of layout before the stylesheet came).
  const handle = await page.waitForFunction(() => (window as unknown as { firstRowPaintedAt?: number }).firstRowPaintedAt, undefined, {
    timeout: 30_000,
    polling: 50,
  });
  return (await handle.jsonValue()) as number;
}
