import type { CheckState, SystemStatus } from '../../../../shared/api/systems';

export interface StatusInput {
  systems: { id: string }[];
  dependencies: { system_id: string; depends_on: string; kind: 'hard' | 'soft' }[];
  checks: { system_id: string; state: CheckState }[];
  /** Systems inside a maintenance window now. */
  inMaintenance: ReadonlySet<string>;
}

export interface SystemHealth {
  /** What the system's own checks say. */
  own: SystemStatus;
  /** What it is to its users, once its dependencies are taken into account. */
  status: SystemStatus;
  /** It is down (or partly) by itself, not because of a dependency: the one the alert names. */
  isRootCause: boolean;
  /** The root causes it suffers from through hard dependencies (it is "impacted"). */
  impactedBy: string[];
  /** Soft (or partly failing hard) dependencies that make it degraded. */
  degradedBy: string[];
}

const DOWN: ReadonlySet<SystemStatus> = new Set(['major_outage', 'partial_outage']);

/** A system's status from its own checks alone. */
export function ownStatus(states: CheckState[]): SystemStatus {
  const known = states.filter((s) => s !== 'unknown');
  if (known.length === 0) return 'unknown';
  const down = known.filter((s) => s === 'down').length;
  if (down === known.length) return 'major_outage';
  if (down > 0) return 'partial_outage';
  if (known.includes('degraded')) return 'degraded';
  return 'operational';
}

/**
 * Derives every system's status through the dependency graph (acyclic: cycles are refused on
 * write). A system whose hard dependency is out is impacted — major outage, naming the root
 * cause — or under maintenance when the outage is planned work; a soft dependency out, or a
 * hard one partly out, makes it degraded.
 */
export function deriveHealth(input: StatusInput): Map<string, SystemHealth> {
  const statesOf = new Map<string, CheckState[]>();
  for (const c of input.checks) statesOf.set(c.system_id, [...(statesOf.get(c.system_id) ?? []), c.state]);
  const depsOf = new Map<string, StatusInput['dependencies']>();
  for (const d of input.dependencies) depsOf.set(d.system_id, [...(depsOf.get(d.system_id) ?? []), d]);

  const result = new Map<string, SystemHealth>();
  const visiting = new Set<string>();
  const health = (id: string): SystemHealth => {
    const done = result.get(id);
    if (done) return done;
    if (visiting.has(id)) throw new Error(`dependency cycle through ${id}`);
    visiting.add(id);
    const own = ownStatus(statesOf.get(id) ?? []);
    const impactedBy = new Set<string>();
    const degradedBy = new Set<string>();
    let plannedOnly = true;
    for (const dep of depsOf.get(id) ?? []) {
      const h = health(dep.depends_on);
      const depOut = h.status === 'major_outage' || (h.status === 'maintenance' && DOWN.has(h.own));
      if (dep.kind === 'hard' && depOut) {
        const roots = h.isRootCause || h.impactedBy.length === 0 ? [dep.depends_on] : h.impactedBy;
        for (const r of roots) impactedBy.add(r);
        if (h.status !== 'maintenance') plannedOnly = false;
      } else if (depOut || DOWN.has(h.status) || (dep.kind === 'hard' && h.status === 'degraded')) {
        degradedBy.add(dep.depends_on);
      }
    }
    let status: SystemStatus = own;
    if (input.inMaintenance.has(id)) status = 'maintenance';
    else if (impactedBy.size > 0) status = plannedOnly ? 'maintenance' : 'major_outage';
    else if (degradedBy.size > 0 && (own === 'operational' || own === 'unknown' || own === 'degraded')) status = 'degraded';
    const h: SystemHealth = {
      own,
      status,
      isRootCause: !input.inMaintenance.has(id) && impactedBy.size === 0 && DOWN.has(own),
      impactedBy: [...impactedBy],
      degradedBy: [...degradedBy],
    };
    visiting.delete(id);
    result.set(id, h);
    return h;
  };
  for (const s of input.systems) health(s.id);
  return result;
}
