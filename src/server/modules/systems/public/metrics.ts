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
  // Prometheus scrapes every 15–60 s, and a district with a thousand checks has ~8,000 samples: each
  // line is written once, its labels built once per check or system, with no object per sample.
  const out: string[] = [];
  const head = (name: string, help: string, type: 'gauge' | 'histogram') => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  const checkLabels = checks.map((c) => `system="${label(c.system_id)}",check="${label(c.key)}",type="${label(c.type)}"`);
  head('districtops_check_up', '1 when the check last passed (degraded counts as up), 0 when down, -1 before its first result', 'gauge');
  checks.forEach((c, i) => out.push(`districtops_check_up{${checkLabels[i]}} ${c.state === 'unknown' ? -1 : c.state === 'down' ? 0 : 1}`));
  head('districtops_check_latency_seconds', 'Latency of the last attempt', 'gauge');
  checks.forEach((c, i) => {
    if (c.last_latency_ms !== null) out.push(`districtops_check_latency_seconds{${checkLabels[i]}} ${c.last_latency_ms / 1000}`);
  });
  const health = await readDistrictHealth(db, districtId);
  head('districtops_system_status', 'Derived status of each system (1 for the current one)', 'gauge');
  for (const s of health) {
    const system = `districtops_system_status{system="${label(s.id)}",status="`;
    for (const st of systemStatuses) out.push(`${system}${st}"} ${s.status === st ? 1 : 0}`);
  }
  const stats = runtime.scheduler.stats();
  head('districtops_scheduler_checks', 'Checks the scheduler holds (all districts)', 'gauge');
  out.push(`districtops_scheduler_checks ${stats.checks}`);
  head('districtops_scheduler_lateness_p99_seconds', 'p99 of how late checks started against their schedule', 'gauge');
  out.push(`districtops_scheduler_lateness_p99_seconds ${stats.latenessP99 / 1000}`);
  head('districtops_scheduler_lateness_seconds', 'How late checks started against their schedule (since the server started)', 'histogram');
  out.push(
    ...stats.latenessBuckets.map((b) => `districtops_scheduler_lateness_seconds_bucket{le="${b.leMs / 1000}"} ${b.count}`),
    `districtops_scheduler_lateness_seconds_bucket{le="+Inf"} ${stats.runs}`,
    `districtops_scheduler_lateness_seconds_count ${stats.runs}`,
  );
  return `${out.join('\n')}\n`;
}
