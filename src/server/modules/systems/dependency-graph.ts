/** The dependency graph: system id → the ids it depends on. */
export type DependencyGraph = ReadonlyMap<string, readonly string[]>;

/**
 * A cycle in the graph as the path that closes it (["sso", "lms", "sso"]), or undefined.
 * Nodes in `startAt` are searched first, so the cycle reported runs through the system being
 * edited rather than through some older part of the graph.
 */
export function findCycle(graph: DependencyGraph, startAt: readonly string[] = []): string[] | undefined {
  const done = new Set<string>();
  const onPath = new Map<string, number>();
  const path: string[] = [];

  // Iterative DFS: a district's graph is small, but an imported file must not be able to blow the stack.
  const visit = (start: string): string[] | undefined => {
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    onPath.set(start, 0);
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const deps = graph.get(top.node) ?? [];
      if (top.next < deps.length) {
        const dep = deps[top.next++]!;
        const at = onPath.get(dep);
        if (at !== undefined) return [...path.slice(at), dep];
        if (done.has(dep)) continue;
        onPath.set(dep, path.length);
        path.push(dep);
        stack.push({ node: dep, next: 0 });
      } else {
        stack.pop();
        path.pop();
        onPath.delete(top.node);
        done.add(top.node);
      }
    }
    return undefined;
  };

  for (const node of [...startAt, ...graph.keys()]) {
    if (done.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}
