import type { RunResult } from './status-checks';

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
      `${r.latenessP99} ms (max ${r.latenessMax})`,
      '-',
      pass(r.latenessP99 < goals.latenessP99Ms),
    ]);
    if (r.dashboard) {
      const { status, systems } = r.dashboard;
      const kb = (status.bytes + systems.bytes) / 1000;
      const gz = (status.gzip + systems.gzip) / 1000;
      const ms = status.ms + systems.ms;
      rows.push([
        run,
        'dashboard bytes (API: /api/status + /api/systems)',
        `${reference.dashboardKb} KB`,
        `< ${goals.dashboardKb} KB`,
        `${kb.toFixed(0)} KB (gzip ${gz.toFixed(0)} KB)`,
        `${(kb / reference.dashboardKb).toFixed(3)}×`,
        pass(kb < goals.dashboardKb),
      ]);
      rows.push([
        run,
        'dashboard first load time',
        '-',
        `< ${goals.dashboardMs} ms`,
        `${ms.toFixed(0)} ms (status ${status.ms.toFixed(0)}, systems ${systems.ms.toFixed(0)})`,
        '-',
        pass(ms < goals.dashboardMs),
      ]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(
    'The web dashboard does not exist yet: its load is measured as the two API payloads it will fetch (uncompressed; the app sends no gzip itself).',
  );
}
