import type { RepairStatus } from '../../../../shared/api/device-repair-fields';
import { AppError } from '../../../platform/errors';

const labels: Record<RepairStatus, string> = {
  open: 'open',
  sent_to_vendor: 'sent to the vendor',
  ready_for_pickup: 'ready for pickup',
  closed: 'closed',
  cancelled: 'cancelled',
};

/** Forward moves only: a step may be skipped (an in-house repair never goes to a vendor), never undone. */
const next: Record<RepairStatus, readonly RepairStatus[]> = {
  open: ['sent_to_vendor', 'ready_for_pickup', 'closed', 'cancelled'],
  sent_to_vendor: ['ready_for_pickup', 'closed', 'cancelled'],
  ready_for_pickup: ['closed', 'cancelled'],
  closed: [],
  cancelled: [],
};

export function repairStatusLabel(status: RepairStatus): string {
  return labels[status];
}

export function isRepairFinished(status: RepairStatus): boolean {
  return next[status].length === 0;
}

/** Why a repair cannot move from one status to another; undefined when it can. */
export function repairRefusal(from: RepairStatus, to: RepairStatus): string | undefined {
  if (next[from].includes(to)) return undefined;
  if (isRepairFinished(from)) return `the repair is ${labels[from]}: open a new one if the device needs more work`;
  if (from === to) return `the repair is already ${labels[from]}`;
  return 'a repair only moves forward: open → sent to the vendor → ready for pickup → closed';
}

export function assertRepairTransition(from: RepairStatus, to: RepairStatus): void {
  const reason = repairRefusal(from, to);
  if (reason === undefined) return;
  throw new AppError('conflict', `Cannot change the repair from ${labels[from]} to ${labels[to]}: ${reason}`, {
    field: 'status',
    details: { from, to, reason },
  });
}
