import type { Queryable } from '../../../db/client';
import { systemStatuses } from '../../../../shared/api/systems';
import type { SystemsRuntime } from '../runtime';
import { readDistrictHealth } from '../status/read-health';

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The Prometheus text exposition format (version 0.0.4) for one district. */
export async function renderMetrics(db: Queryable, districtId: string, runtime: SystemsRuntime): Promise<string> {
  const { rows: checks } = await db.query<{ system_id: string; key: string; type: string; state: string; last_latency_ms: number | null }>(
    'SELECT system_id, key, type, state, last_latency_ms FROM system_checks WHERE district_id = $1 ORDER BY system_id, position',
    [districtId],
  );
  const out: string[] = [];
  const metric = (name: string, help: string, type: 'gauge' | 'counter', samples: [Record<string, string>, number][]) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) {
      const l = Object.entries(labels)
        .map(([k, v]) => `${k}="${label(v)}"`)
        .join(',');
      out.push(`${name}${l ? `{${l}}` : ''} ${value}`);
    }
  };
  const checkLabels = (c: (typeof checks)[number]) => ({ system: c.system_id, check: c.key, type: c.type });
  metric(
    'districtops_check_up',
    '1 when the check last passed (degraded counts as up), 0 when down, -1 before its first result',
    'gauge',
    checks.map((c) => [checkLabels(c), c.state === 'unknown' ? -1 : c.state === 'down' ? 0 : 1]),
  );
  metric(
    'districtops_check_latency_seconds',
    'Latency of the last attempt',
    'gauge',
    checks.filter((c) => c.last_latency_ms !== null).map((c) => [checkLabels(c), c.last_latency_ms! / 1000]),
  );
  const health = await readDistrictHealth(db, districtId);
  metric(
    'districtops_system_status',
    'Derived status of each system (1 for the current one)',
    'gauge',
    health.flatMap((s) =>
      systemStatuses.map((st): [Record<string, string>, number] => [{ system: s.id, status: st }, s.status === st ? 1 : 0]),
    ),
  );
  const stats = runtime.scheduler.stats();
  metric('districtops_scheduler_checks', 'Checks the scheduler holds (all districts)', 'gauge', [[{}, stats.checks]]);
  metric('districtops_scheduler_lateness_p99_seconds', 'p99 of how late checks started against their schedule', 'gauge', [
    [{}, stats.latenessP99 / 1000],
  ]);
  out.push(
    '# HELP districtops_scheduler_lateness_seconds How late checks started against their schedule (since the server started)',
    '# TYPE districtops_scheduler_lateness_seconds histogram',
    ...stats.latenessBuckets.map((b) => `districtops_scheduler_lateness_seconds_bucket{le="${b.leMs / 1000}"} ${b.count}`),
    `districtops_scheduler_lateness_seconds_bucket{le="+Inf"} ${stats.runs}`,
    `districtops_scheduler_lateness_seconds_count ${stats.runs}`,
  );
  return `${out.join('\n')}\n`;
}
