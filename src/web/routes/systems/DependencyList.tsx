import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { GraphModel } from './graph-model';

/**
 * The graph in words, for screen readers and for anyone who prefers a list: each system with what
 * it depends on and what needs it, hard or soft.
 */
export function DependencyList({ model }: { model: GraphModel }) {
  const { t } = useTranslation();
  const names = new Map(model.nodes.map((n) => [n.id, n.name]));
  const out = new Map<string, { id: string; kind: 'hard' | 'soft' }[]>();
  const into = new Map<string, { id: string; kind: 'hard' | 'soft' }[]>();
  for (const e of model.edges) {
    out.set(e.from, [...(out.get(e.from) ?? []), { id: e.to, kind: e.kind }]);
    into.set(e.to, [...(into.get(e.to) ?? []), { id: e.from, kind: e.kind }]);
  }
  const named = (ids: { id: string; kind: 'hard' | 'soft' }[]) =>
    ids.map((d) => t('systems.kindLabel', { name: names.get(d.id) ?? d.id, kind: t(`systems.kind.${d.kind}`) })).join(', ');
  return (
    <List spacing={6} size="sm">
      {model.nodes.map((n) => {
        const dependsOn = out.get(n.id) ?? [];
        const neededBy = into.get(n.id) ?? [];
        return (
          <List.Item key={n.id}>
            <Anchor component={Link} to={`/systems/${encodeURIComponent(n.id)}`} fw={600}>
              {n.name}
            </Anchor>{' '}
            <Text component="span" size="sm">
              ({t(`systems.status.${n.status}`)}){dependsOn.length ? ` · ${t('systems.dependsOn')}: ${named(dependsOn)}` : ''}
              {neededBy.length ? ` · ${t('systems.neededBy')}: ${named(neededBy)}` : ''}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}
