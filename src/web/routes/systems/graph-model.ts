import type { BoardSystem, SystemStatus } from '../../api/systems';

export interface GraphNode {
  id: string;
  name: string;
  status: SystemStatus;
  /** Names of the root causes it is impacted by. */
  impactedBy: string[];
  /** The system whose page this is. */
  current?: boolean;
}

/** `from` depends on `to`. */
export interface GraphEdge {
  from: string;
  to: string;
  kind: 'hard' | 'soft';
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Beyond this a drawn graph is no longer legible (nor quick to lay out): the list says it instead. */
export const MAX_DRAWN = 150;

function toNode(s: BoardSystem, names: ReadonlyMap<string, string>, current?: boolean): GraphNode {
  return { id: s.id, name: s.name, status: s.status, impactedBy: s.impactedBy.map((id) => names.get(id) ?? id), current };
}

/** The graph of a set of systems (the board's filtered ones) with the dependencies between them. */
export function graphOf(systems: readonly BoardSystem[], all: readonly BoardSystem[]): GraphModel {
  const names = new Map(all.map((s) => [s.id, s.name]));
  const ids = new Set(systems.map((s) => s.id));
  return {
    nodes: systems.map((s) => toNode(s, names)),
    edges: systems.flatMap((s) => s.dependsOn.filter((d) => ids.has(d.id)).map((d) => ({ from: s.id, to: d.id, kind: d.kind }))),
  };
}

/**
 * A system's neighbourhood: everything it depends on and everything that needs it, following the
 * edges outwards (what it depends on depends on more), nearest first, up to `limit` systems.
 */
export function neighbourhoodOf(id: string, all: readonly BoardSystem[], limit = MAX_DRAWN): GraphModel {
  const byId = new Map(all.map((s) => [s.id, s]));
  const names = new Map(all.map((s) => [s.id, s.name]));
  const neededBy = new Map<string, string[]>();
  for (const s of all) for (const d of s.dependsOn) neededBy.set(d.id, [...(neededBy.get(d.id) ?? []), s.id]);

  const keep = new Set<string>([id]);
  const walk = (next: (x: string) => string[]) => {
    let frontier = [id];
    while (frontier.length > 0 && keep.size < limit) {
      const after: string[] = [];
      for (const x of frontier) {
        for (const y of next(x)) {
          if (keep.has(y) || keep.size >= limit) continue;
          keep.add(y);
          after.push(y);
        }
      }
      frontier = after;
    }
  };
  walk((x) => byId.get(x)?.dependsOn.map((d) => d.id) ?? []);
  walk((x) => neededBy.get(x) ?? []);
  const systems = [...keep].map((k) => byId.get(k)).filter((s): s is BoardSystem => s !== undefined);
  return {
    nodes: systems.map((s) => toNode(s, names, s.id === id)),
    edges: systems.flatMap((s) => s.dependsOn.filter((d) => keep.has(d.id)).map((d) => ({ from: s.id, to: d.id, kind: d.kind }))),
  };
}
