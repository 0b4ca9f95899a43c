import { Readable } from 'node:stream';
import type { Queryable } from '../../../db/client';
import { systemStatuses, type CheckState } from '../../../../shared/api/systems';
import type { SystemsRuntime } from '../runtime';
import { deriveHealth } from '../status/blast-radius';
import { loadMaintenanceWindows, systemsInMaintenance } from '../status/maintenance';

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Lines are sent in pieces of about this many characters, so a scrape never holds its whole answer. */
const CHUNK = 16 * 1024;

/**
 * The Prometheus text exposition format (version 0.0.4) for one district, as a stream. A district
 * with a thousand checks has ~8,000 samples (~400 KB): built whole, the lines, their array and the
 * joined text lived at once and each scrape grew the server's memory by several MB (the status
 * bench's closing scrape was its peak). Each table is read once, the systems' statuses derived from
 * the same rows (as readDistrictHealth derives them), and the text goes out 16 KB at a time.
 */
export async function renderMetrics(db: Queryable, districtId: string, runtime: SystemsRuntime, now = Date.now()): Promise<Readable> {
  const q = async <T>(sql: string) => (await db.query<T>(sql, [districtId])).rows;
  const [checks, systems, dependencies, windows] = await Promise.all([
    q<{ system_id: string; key: string; type: string; state: CheckState; last_latency_ms: number | null }>(
      'SELECT system_id, key, type, state, last_latency_ms FROM system_checks WHERE district_id = $1 ORDER BY system_id, position',
    ),
    q<{ id: string }>('SELECT id FROM systems WHERE district_id = $1 ORDER BY tier, id'),
    q<{ system_id: string; depends_on: string; kind: 'hard' | 'soft' }>(
      'SELECT system_id, depends_on, kind FROM system_dependencies WHERE district_id = $1',
    ),
    loadMaintenanceWindows(db, districtId),
  ]);
  const health = deriveHealth({ systems, dependencies, checks, inMaintenance: systemsInMaintenance(windows, now) });
  const stats = runtime.scheduler.stats();
  return Readable.from(chunked(lines()), { objectMode: false });

  function* lines(): Generator<string> {
    const head = (name: string, help: string, type: 'gauge' | 'histogram') => `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n`;
    const checkLabels = (c: (typeof checks)[number]) => `system="${label(c.system_id)}",check="${label(c.key)}",type="${label(c.type)}"`;
    yield head(
      'districtops_check_up',
      '1 when the check last passed (degraded counts as up), 0 when down, -1 before its first result',
      'gauge',
    );
    for (const c of checks) yield `districtops_check_up{${checkLabels(c)}} ${c.state === 'unknown' ? -1 : c.state === 'down' ? 0 : 1}\n`;
    yield head('districtops_check_latency_seconds', 'Latency of the last attempt', 'gauge');
    for (const c of checks) {
      if (c.last_latency_ms !== null) yield `districtops_check_latency_seconds{${checkLabels(c)}} ${c.last_latency_ms / 1000}\n`;
    }
    yield head('districtops_system_status', 'Derived status of each system (1 for the current one)', 'gauge');
    for (const s of systems) {
      const status = health.get(s.id)!.status;
      const system = `districtops_system_status{system="${label(s.id)}",status="`;
      for (const st of systemStatuses) yield `${system}${st}"} ${status === st ? 1 : 0}\n`;
    }
    yield head('districtops_scheduler_checks', 'Checks the scheduler holds (all districts)', 'gauge');
    yield `districtops_scheduler_checks ${stats.checks}\n`;
    yield head('districtops_scheduler_lateness_p99_seconds', 'p99 of how late checks started against their schedule', 'gauge');
    yield `districtops_scheduler_lateness_p99_seconds ${stats.latenessP99 / 1000}\n`;
    yield head(
      'districtops_scheduler_lateness_seconds',
      'How late checks started against their schedule (since the server started)',
      'histogram',
    );
    for (const b of stats.latenessBuckets) yield `districtops_scheduler_lateness_seconds_bucket{le="${b.leMs / 1000}"} ${b.count}\n`;
    yield `districtops_scheduler_lateness_seconds_bucket{le="+Inf"} ${stats.runs}\n`;
    yield `districtops_scheduler_lateness_seconds_count ${stats.runs}\n`;
  }
}

/** Joins lines into pieces of about CHUNK characters. */
function* chunked(lines: Iterable<string>): Generator<string> {
  let piece = '';
  for (const line of lines) {
    piece += line;
    if (piece.length >= CHUNK) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}
