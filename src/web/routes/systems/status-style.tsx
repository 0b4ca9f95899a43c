import type { SVGProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusGroup, SystemStatus } from '../../api/systems';
import classes from './status-style.module.css';

/** Each status has a colour, an icon of its own shape and a word: never colour alone (WCAG 1.4.1). */
const colours: Record<SystemStatus, string> = {
  operational: 'green',
  degraded: 'yellow',
  partial_outage: 'orange',
  major_outage: 'red',
  maintenance: 'blue',
  unknown: 'gray',
};

export const statusColour = (s: SystemStatus) => colours[s];
/** Mantine's per-scheme text shade of a colour: dark enough on light backgrounds, light enough on dark ones. */
export const colourVar = (colour: string) => `var(--mantine-color-${colour}-text)`;

export const groupColour: Record<StatusGroup, string> = {
  down: 'red',
  impacted: 'orange',
  degraded: 'yellow',
  maintenance: 'blue',
  unknown: 'gray',
  operational: 'green',
};

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Svg({ size = 18, children, ...props }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.25}
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

/** The shapes differ (check, triangle, cross, wrench…) so the status reads in greyscale too. */
export function StatusIcon({ status, ...props }: IconProps & { status: SystemStatus | 'impacted' }) {
  switch (status) {
    case 'operational':
      return (
        <Svg {...props}>
          <circle cx="12" cy="12" r="9" />
          <path d="M8 12.5l2.5 2.5L16 9.5" />
        </Svg>
      );
    case 'degraded':
      return (
        <Svg {...props}>
          <path d="M12 3l9.5 17h-19z" />
          <path d="M12 10v4M12 17.5v.01" />
        </Svg>
      );
    case 'partial_outage':
      return (
        <Svg {...props}>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor" />
        </Svg>
      );
    case 'major_outage':
      return (
        <Svg {...props}>
          <circle cx="12" cy="12" r="9" />
          <path d="M9 9l6 6M15 9l-6 6" />
        </Svg>
      );
    case 'impacted':
      return (
        <Svg {...props}>
          <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
          <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
          <path d="M3 3l18 18" />
        </Svg>
      );
    case 'maintenance':
      return (
        <Svg {...props}>
          <path d="M14.7 6.3a4 4 0 0 0 5 5L21 13l-8 8-3.5-3.5L4 12l3-3 3.5 3.5 4-4z" />
        </Svg>
      );
    case 'unknown':
      return (
        <Svg {...props}>
          <circle cx="12" cy="12" r="9" />
          <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17v.01" />
        </Svg>
      );
  }
}

export const groupIcon = (g: StatusGroup): SystemStatus | 'impacted' => (g === 'down' ? 'major_outage' : g === 'impacted' ? 'impacted' : g);

/** A status as icon and word; the icon is decorative, the word is what screen readers read. */
export function StatusLabel({ status, size = 'sm', text }: { status: SystemStatus; size?: 'xs' | 'sm' | 'md'; text?: string }) {
  const { t } = useTranslation();
  return <StatusWord status={status} size={size} word={text ?? t(`systems.status.${status}`)} />;
}

/**
 * StatusLabel with its word given: for a table that draws many and has the translation at hand.
 * Plain elements rather than Mantine's Group and Text: each of those costs a theme and style-props
 * pass, which fifty rows of the board felt (on the server's render and in the browser alike).
 */
export function StatusWord({ status, size = 'sm', word }: { status: SystemStatus; size?: 'xs' | 'sm' | 'md'; word: string }) {
  return (
    <span className={classes.label} data-size={size}>
      <span className={classes.icon} style={{ color: colourVar(statusColour(status)) }}>
        <StatusIcon status={status} />
      </span>
      <span className={classes.word}>{word}</span>
    </span>
  );
}
