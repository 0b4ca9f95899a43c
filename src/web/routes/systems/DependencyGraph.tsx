import { useMemo, type MouseEvent } from 'react';
import { Graph, layout, type GraphLabel } from '@dagrejs/dagre';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { GraphModel, GraphNode } from './graph-model';
import { StatusIcon, statusColour } from './status-style';
import classes from './DependencyGraph.module.css';

const NODE_H = 58;
const MIN_W = 190;
const MAX_W = 420;
/** Roughly how wide a character of the bold 13 px name and the 12 px state gets, to size boxes before anything is drawn. */
const TITLE_CHAR_W = 8.4;
const STATE_CHAR_W = 7.2;
const MAX_CHARS = Math.floor((MAX_W - 44) / TITLE_CHAR_W);

interface Placed {
  node: GraphNode;
  x: number;
  y: number;
  width: number;
  /** The two lines drawn in the box. */
  title: string;
  state: string;
  clipped: boolean;
}

/** What dagre is given for an edge (a label box to keep clear), and what it fills in (points, label centre). */
interface LaidEdge {
  width: number;
  height: number;
  labelpos: 'c';
  kind: 'hard' | 'soft';
  points: { x: number; y: number }[];
  x: number;
  y: number;
}

interface PlacedEdge {
  key: string;
  kind: 'hard' | 'soft';
  path: string;
  label: { x: number; y: number };
}

/** dagre lays the graph out left to right: what is needed on the left, what needs it on the right. */
function place(
  model: GraphModel,
  stateOf: (n: GraphNode) => string,
): { nodes: Placed[]; edges: PlacedEdge[]; width: number; height: number } {
  const g = new Graph<GraphLabel, { x: number; y: number; width: number; height: number }, LaidEdge>();
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 90, marginx: 16, marginy: 16 });
  const text = new Map(
    model.nodes.map((n) => {
      const title = clip(n.name);
      const state = clip(stateOf(n));
      const width = Math.min(MAX_W, Math.max(MIN_W, Math.ceil(44 + Math.max(TITLE_CHAR_W * title.length, STATE_CHAR_W * state.length))));
      return [n.id, { title, state, width, clipped: title !== n.name }];
    }),
  );
  for (const n of model.nodes) g.setNode(n.id, { x: 0, y: 0, width: text.get(n.id)!.width, height: NODE_H });
  for (const e of model.edges) g.setEdge(e.to, e.from, { width: 34, height: 16, labelpos: 'c', kind: e.kind, points: [], x: 0, y: 0 });
  layout(g);
  const nodes = model.nodes
    .map((node) => {
      const p = g.node(node.id);
      const t = text.get(node.id)!;
      return { node, x: p.x - t.width / 2, y: p.y - NODE_H / 2, ...t };
    })
    // Tab order follows the drawing: column by column, top to bottom.
    .sort((a, b) => a.x - b.x || a.y - b.y);
  const edges = g.edges().map((e) => {
    const label = g.edge(e);
    const [first, ...rest] = label.points;
    return {
      key: `${e.v}->${e.w}`,
      kind: label.kind,
      path: `M${first!.x},${first!.y}${rest.map((p) => ` L${p.x},${p.y}`).join('')}`,
      label: { x: label.x, y: label.y },
    };
  });
  const size = g.graph();
  return { nodes, edges, width: size.width ?? MIN_W, height: size.height ?? NODE_H };
}

const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);

/**
 * The dependency graph as SVG. Every system is a link (Tab reaches it, Enter opens it); edges show
 * hard dependencies as solid lines and soft ones as dashed lines, each also labelled in words.
 * Loaded on demand: dagre stays out of the pages that do not draw a graph.
 */
export function DependencyGraph({ model, label }: { model: GraphModel; label: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const stateText = (n: GraphNode) =>
    n.impactedBy.length > 0 ? t('systems.impactedBy', { names: n.impactedBy.join(', ') }) : t(`systems.status.${n.status}`);
  const drawn = useMemo(() => place(model, stateText), [model, t]);
  const open = (e: MouseEvent, id: string) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    void navigate(`/systems/${encodeURIComponent(id)}`);
  };

  return (
    <div className={classes.scroller}>
      <svg width={drawn.width} height={drawn.height} role="group" aria-label={label} style={{ display: 'block' }}>
        <defs>
          <marker id="dependency-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className={classes.arrow} />
          </marker>
        </defs>
        <g aria-hidden="true">
          {drawn.edges.map((e) => (
            <g key={e.key}>
              <path d={e.path} className={`${classes.edge} ${e.kind === 'soft' ? classes.soft : ''}`} markerEnd="url(#dependency-arrow)" />
              <rect x={e.label.x - 17} y={e.label.y - 8} width={34} height={16} rx={4} className={classes.edgeLabelBox} />
              <text x={e.label.x} y={e.label.y + 4} textAnchor="middle" className={classes.edgeLabel}>
                {t(`systems.graph.${e.kind}`)}
              </text>
            </g>
          ))}
        </g>
        {drawn.nodes.map(({ node, x, y, width, title, state, clipped }) => {
          const colour = statusColour(node.status);
          // The name starts with the words drawn (WCAG 2.5.3), then says what the drawing only shows.
          const name = [
            `${title} ${state}`,
            node.impactedBy.length ? t(`systems.status.${node.status}`) : null,
            clipped ? node.name : null,
            node.current ? t('systems.graph.current') : null,
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <a
              key={node.id}
              href={`/systems/${encodeURIComponent(node.id)}`}
              onClick={(e) => open(e, node.id)}
              className={classes.node}
              aria-label={name}
              aria-current={node.current ? 'page' : undefined}
            >
              <rect x={x - 4} y={y - 4} width={width + 8} height={NODE_H + 8} rx={12} className={classes.ring} />
              <rect
                x={x}
                y={y}
                width={width}
                height={NODE_H}
                rx={9}
                style={{
                  fill: `var(--mantine-color-${colour}-light)`,
                  stroke: `var(--mantine-color-${colour}-filled)`,
                  strokeWidth: node.current ? 4 : 2,
                }}
              />
              <g aria-hidden="true" style={{ color: `var(--mantine-color-${colour}-text)` }}>
                <StatusIcon status={node.impactedBy.length ? 'impacted' : node.status} size={15} x={x + 11} y={y + 32} />
              </g>
              <text aria-hidden="true">
                <tspan x={x + 12} y={y + 23} className={classes.name}>
                  {title}
                </tspan>{' '}
                <tspan x={x + 31} y={y + 44} className={classes.state}>
                  {state}
                </tspan>
              </text>
            </a>
          );
        })}
      </svg>
    </div>
  );
}
