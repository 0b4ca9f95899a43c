import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Incident, IncidentStatus } from '../../api/incidents';

/**
 * Background and text pairs checked for AA contrast (4.5:1) by hand: Mantine's autoContrast picks
 * black on its darkest greens and oranges, which fails, so the text colour is chosen here.
 */
const statusColours: Record<IncidentStatus, [string, string]> = {
  investigating: ['red.9', 'white'],
  identified: ['orange.3', 'black'],
  monitoring: ['blue.8', 'white'],
  resolved: ['teal.9', 'white'],
};
const impactColours: Record<Incident['impact'], [string, string]> = {
  degraded: ['yellow.4', 'black'],
  partial_outage: ['orange.3', 'black'],
  major_outage: ['red.9', 'white'],
};

type Shared = Omit<BadgeProps, 'color' | 'c' | 'children'>;

export function StatusBadge({ status, ...props }: Shared & { status: IncidentStatus }) {
  const { t } = useTranslation();
  const [bg, fg] = statusColours[status];
  return (
    <Badge color={bg} c={fg} autoContrast={false} tt="none" component="span" {...props}>
      {t(`incidents.status.${status}`)}
    </Badge>
  );
}

export function ImpactBadge({ impact, ...props }: Shared & { impact: Incident['impact'] }) {
  const { t } = useTranslation();
  const [bg, fg] = impactColours[impact];
  return (
    <Badge color={bg} c={fg} autoContrast={false} tt="none" component="span" {...props}>
      {t(`incidents.impact.${impact}`)}
    </Badge>
  );
}
