import type { SystemStatus } from './api/systems';
import type { StatusGroup } from './api/system-views';

/** A circle (the ring most icons share) or a path, with its own fill where it has one. */
export type IconShape = { circle: true } | { d: string; fill?: 'currentColor' };

const ring: IconShape = { circle: true };

/**
 * Each status's icon, drawn in a 24×24 box with a 2.25 stroke: the shapes differ (check, triangle,
 * cross, wrench…) so the status reads in greyscale too (WCAG 1.4.1). The web app draws them as
 * React elements (StatusIcon) and the server as markup (the board's first paint): one set of shapes.
 */
export const statusIconShapes: Record<SystemStatus | 'impacted', IconShape[]> = {
  operational: [ring, { d: 'M8 12.5l2.5 2.5L16 9.5' }],
  degraded: [{ d: 'M12 3l9.5 17h-19z' }, { d: 'M12 10v4M12 17.5v.01' }],
  partial_outage: [ring, { d: 'M12 3a9 9 0 0 1 0 18z', fill: 'currentColor' }],
  major_outage: [ring, { d: 'M9 9l6 6M15 9l-6 6' }],
  impacted: [
    { d: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1' },
    { d: 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1' },
    { d: 'M3 3l18 18' },
  ],
  maintenance: [{ d: 'M14.7 6.3a4 4 0 0 0 5 5L21 13l-8 8-3.5-3.5L4 12l3-3 3.5 3.5 4-4z' }],
  unknown: [ring, { d: 'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17v.01' }],
};

/** Each status's colour (a Mantine palette name): never colour alone, always with its icon and word. */
export const statusColours: Record<SystemStatus, string> = {
  operational: 'green',
  degraded: 'yellow',
  partial_outage: 'orange',
  major_outage: 'red',
  maintenance: 'blue',
  unknown: 'gray',
};

export const groupColours: Record<StatusGroup, string> = {
  down: 'red',
  impacted: 'orange',
  degraded: 'yellow',
  maintenance: 'blue',
  unknown: 'gray',
  operational: 'green',
};

/** The icon of a status group: down is a major outage's cross, impacted its own broken link. */
export const groupIcon = (g: StatusGroup): SystemStatus | 'impacted' => (g === 'down' ? 'major_outage' : g === 'impacted' ? 'impacted' : g);
