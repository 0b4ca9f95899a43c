import type { RunResult } from './status-checks';
import { median } from './status-checks.browser';

/**
 * The reference from issue 5, measured on this machine type: Uptime Kuma with the same
 * 1,000-monitor workload. It cannot run here (no network, not installed), so unlike the
 * STYLE guide's ideal the ratios are against these recorded figures, not a same-run measurement.
 */
export const reference = { version: '2.5.3', cpuPercent: 11, rssMb: [185, 237], dashboardKb: 3400 } as const;

export const goals = {
  cpuPercent: reference.cpuPercent / 5,
  rssMb: reference.rssMb[0] / 2,
  dashboardKb: 300,
  dashboardMs: 300,
  latenessP99Ms: 1000,
} as const;

const pass = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function printTable(results: RunResult[]): void {
  const rows: string[][] = [['run', 'metric', 'reference', 'goal', 'measured', 'vs reference', 'goal']];
  for (const r of results) {
    const run = `${r.engine} ${r.checks}`;
    const ref1k = r.checks === 1000;
    rows.push([
      run,
      'CPU % of one core',
      ref1k ? `${reference.cpuPercent}%` : '-',
      ref1k ? `≤ ${goals.cpuPercent.toFixed(1)}%` : '≤ 100%',
      `${r.cpuPercent.toFixed(2)}%`,
      ref1k ? `${(r.cpuPercent / reference.cpuPercent).toFixed(2)}×` : '-',
      pass(r.cpuPercent <= (ref1k ? goals.cpuPercent : 100)),
    ]);
    rows.push([
      run,
      'RSS, max (MB)',
      ref1k ? `${reference.rssMb.join('–')}` : '-',
      ref1k ? `≤ ${goals.rssMb}` : '-',
      r.rssMaxMb.toFixed(0),
      ref1k ? `${(r.rssMaxMb / reference.rssMb[0]).toFixed(2)}×` : '-',
      ref1k ? pass(r.rssMaxMb <= goals.rssMb) : '-',
    ]);
    rows.push([
      run,
      `p99 lateness (${r.runs} runs)`,
      '-',
      `< ${goals.latenessP99Ms} ms`,
      `≤ ${r.latenessP99} ms`,
      '-',
      pass(r.latenessP99 < goals.latenessP99Ms),
    ]);
    if (r.dashboard) {
      const { bytes, raw, ms } = r.dashboard;
      rows.push([
        run,
        'dashboard API on the wire (GET /api/status)',
        '-',
        '-',
        `${(bytes / 1000).toFixed(0)} KB (${(raw / 1000).toFixed(0)} KB unzipped)`,
        '-',
        '-',
      ]);
      rows.push([run, 'dashboard API answer time', '-', '-', `${ms.toFixed(0)} ms`, '-', '-']);
    }
    if (typeof r.browser === 'string')
      rows.push([run, 'dashboard first load in a browser', '-', '-', `not measured: ${r.browser}`, '-', '-']);
    else if (r.browser) {
      const { bytes, ms, repeatMs, requests } = r.browser;
      rows.push([
        run,
        `dashboard first load in a browser, on the wire (${requests} requests)`,
        `${reference.dashboardKb} KB`,
        `< ${goals.dashboardKb} KB`,
        `${(bytes / 1000).toFixed(0)} KB`,
        `${(bytes / 1000 / reference.dashboardKb).toFixed(3)}×`,
        pass(bytes / 1000 < goals.dashboardKb),
      ]);
      const spreadOf = (xs: number[]) =>
        xs.length > 1 ? ` (median of ${xs.length}: ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})` : '';
      const spread = spreadOf(r.browser.coldMs ?? [ms]);
      rows.push([
        run,
        'dashboard first load in a browser, to the board on screen',
        '-',
        `< ${goals.dashboardMs} ms`,
        `${ms.toFixed(0)} ms${spread}`,
        '-',
        pass(ms < goals.dashboardMs),
      ]);
      const launched = r.browser.launchedMs;
      if (launched?.length)
        rows.push([
          run,
          'the same, in a browser launched for the load (its start-up shares the cores)',
          '-',
          '-',
          `${median(launched).toFixed(0)} ms${spreadOf(launched)}`,
          '-',
          '-',
        ]);
      rows.push([
        run,
        'dashboard first load, to the app’s own board (filters and search working)',
        '-',
        '-',
        `${r.browser.appMs.toFixed(0)} ms`,
        '-',
        '-',
      ]);
      rows.push([run, 'dashboard on a later visit (files and compiled code cached)', '-', '-', `${repeatMs.toFixed(0)} ms`, '-', '-']);
      if (r.firstBrowser && typeof r.firstBrowser !== 'string')
        rows.push([run, 'dashboard, the first load after the server started', '-', '-', `${r.firstBrowser.ms.toFixed(0)} ms`, '-', '-']);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  // BENCH_VERBOSE=1: what the browser fetched, largest first.
  if (process.env.BENCH_VERBOSE === '1')
    for (const r of results)
      if (r.browser && typeof r.browser !== 'string')
        for (const x of r.browser.resources) console.log(`  ${(x.bytes / 1000).toFixed(1).padStart(7)} KB  ${x.path}`);
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(
    'Measured: the `districtops serve` process alone (CPU and RSS from /proc). Dashboard: /systems opened in chromium with a cold cache and a session, timed to the frame that paints its first row (the server draws the board into its HTML; the app then takes its place, timed apart), after the measured window, several times in a fresh browser each, left to finish starting first as a browser someone already has open has (the median is the figure; the same made the moment the browser was up is shown apart), while the server runs its checks (the board was opened once before the window, right after the server started: that load is shown apart, and the window’s memory includes what serving the board holds); bytes are everything the page fetched (HTML, JavaScript, CSS, translations, API) as received. The browser shares this machine’s cores with the server and the database. The API answer alone (the first after start) is shown beside it.',
  );
}
