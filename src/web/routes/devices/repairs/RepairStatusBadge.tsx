import { useTranslation } from 'react-i18next';
import type { RepairStatus } from '../../../api/device-repairs';
import { ToneBadge, type Tone } from '../DeviceStatusBadge';

const tone: Record<RepairStatus, Tone> = {
  open: 'warn',
  sent_to_vendor: 'info',
  ready_for_pickup: 'ok',
  closed: 'muted',
  cancelled: 'muted',
};

/** A repair's status in words; the colour only repeats them. */
export function RepairStatusBadge({ status }: { status: RepairStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={tone[status]}>{t(`repairs.statuses.${status}`)}</ToneBadge>;
}
