import type { ReactNode, SVGProps } from 'react';
import type { SystemStatus } from '../../../shared/api/systems';
import { statusColours } from '../../../shared/status-icons';

export const isProblem = (s: SystemStatus) => s === 'degraded' || s === 'partial_outage' || s === 'major_outage';

function Icon({ children, ...props }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

const paths: Record<SystemStatus, ReactNode> = {
  operational: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  degraded: <path d="M12 7v6M12 17h.01" />,
  partial_outage: <path d="M12 3l10 18H2zM12 10v4M12 17.5h.01" />,
  major_outage: <path d="M6 6l12 12M18 6L6 18" />,
  maintenance: <path d="M14.7 6.3a4 4 0 0 0-5.4 5.4L4 17l3 3 5.3-5.3a4 4 0 0 0 5.4-5.4l-2.5 2.5-2.5-.5-.5-2.5z" />,
  unknown: <path d="M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5h.01" />,
};

/** A shape per status, so that the status never rests on colour alone. Decorative: text always goes with it. */
export function StatusGlyph({ status, size = 16 }: { status: SystemStatus; size?: number }) {
  return (
    <Icon width={size} height={size}>
      {paths[status]}
    </Icon>
  );
}

/** The Mantine colour of each status (the words and the shape carry the meaning too). */
export const toneColor: Record<SystemStatus, string> = statusColours;
