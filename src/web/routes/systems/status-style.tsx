import type { SVGProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemStatus } from '../../api/systems';
import { groupColours, statusColours, statusIconShapes } from '../../../shared/status-icons';
import classes from './status-style.module.css';

export { groupIcon } from '../../../shared/status-icons';

export const statusColour = (s: SystemStatus) => statusColours[s];
/** Mantine's per-scheme text shade of a colour: dark enough on light backgrounds, light enough on dark ones. */
export const colourVar = (colour: string) => `var(--mantine-color-${colour}-text)`;
export const groupColour = groupColours;

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

/** A status's icon (shared/status-icons.ts): decorative, the word beside it is what screen readers read. */
export function StatusIcon({ status, ...props }: IconProps & { status: SystemStatus | 'impacted' }) {
  return (
    <Svg {...props}>
      {statusIconShapes[status].map((shape, i) =>
        'circle' in shape ? <circle key={i} cx="12" cy="12" r="9" /> : <path key={i} d={shape.d} fill={shape.fill} />,
      )}
    </Svg>
  );
}

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
