import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../../api/devices';

/**
 * Background and text pairs with AA contrast (4.5:1) in light and dark themes: Mantine's light
 * badges put mid-tone text on a tint, which fails, so every devices badge is filled with a checked pair.
 */
const tones = {
  ok: ['teal.9', 'white'],
  teal: ['cyan.9', 'white'],
  info: ['blue.8', 'white'],
  warn: ['orange.3', 'black'],
  stop: ['red.9', 'white'],
  muted: ['gray.7', 'white'],
} as const;
export type Tone = keyof typeof tones;

export function ToneBadge({ tone, ...props }: Omit<BadgeProps, 'color' | 'c' | 'variant'> & { tone: Tone }) {
  const [bg, fg] = tones[tone];
  // A badge in a narrow table cell keeps its whole word rather than an ellipsis ("Ready f…").
  return (
    <Badge
      color={bg}
      c={fg}
      autoContrast={false}
      tt="none"
      component="span"
      styles={{ root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}
      {...props}
    />
  );
}

export const statusTone: Record<DeviceStatus, Tone> = {
  in_stock: 'info',
  assigned: 'ok',
  loaner: 'teal',
  in_repair: 'warn',
  lost: 'stop',
  stolen: 'stop',
  retired: 'muted',
  ewaste: 'muted',
};

/** A device's status in words (colour only repeats what the words say). */
export function DeviceStatusBadge({ status }: { status: DeviceStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={statusTone[status]}>{t(`devices.status.${status}`)}</ToneBadge>;
}
