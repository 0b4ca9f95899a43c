import type { DeviceStatus } from '../../../shared/api/devices';
import { AppError } from '../../platform/errors';
import { legalMoves, nextStatuses, type TransitionVia } from '../../../shared/device-transitions';

export type { TransitionVia };

const statusLabels: Record<DeviceStatus, string> = {
  in_stock: 'in stock',
  assigned: 'assigned',
  loaner: 'on loan',
  in_repair: 'in repair',
  lost: 'lost',
  stolen: 'stolen',
  retired: 'retired',
  ewaste: 'e-waste',
};

export function statusLabel(status: DeviceStatus): string {
  return statusLabels[status];
}

/** Why a move is refused, in words a technician can act on; undefined when it is legal. */
export function refusalReason(from: DeviceStatus, to: DeviceStatus, via: TransitionVia): string | undefined {
  if (legalMoves[from][to]?.includes(via)) return undefined;
  if (from === 'ewaste') return 'e-waste is final: the device has left the district';
  if (from === 'retired') return 'a retired device can only go to e-waste';
  if (via === 'checkout') {
    if (from === 'assigned' || from === 'loaner') return 'the device is already checked out: check it in first';
    if (from === 'lost' || from === 'stolen') return `the device is reported ${from}: mark it found (in stock) first`;
    return `only a device in stock can be checked out, and this one is ${statusLabel(from)}`;
  }
  if (via === 'checkin') return 'only a checked-out device can be checked in';
  if (from === to) return `the device is already ${statusLabel(from)}`;
  if (to === 'assigned' || to === 'loaner') return 'a device is assigned only by checking it out, which records who has it';
  if ((from === 'assigned' || from === 'loaner') && legalMoves[from][to]?.includes('checkin')) {
    return 'check the device in first, so its assignment is closed with its condition';
  }
  if (to === 'ewaste') return 'retire the device before sending it to e-waste';
  return `a device that is ${statusLabel(from)} cannot become ${statusLabel(to)}`;
}

/** Throws a 409 naming both statuses and the reason when the move is not legal. */
export function assertTransition(from: DeviceStatus, to: DeviceStatus, via: TransitionVia): void {
  const reason = refusalReason(from, to, via);
  if (reason === undefined) return;
  throw new AppError('conflict', `Cannot change the status from ${statusLabel(from)} to ${statusLabel(to)}: ${reason}`, {
    field: 'status',
    details: { from, to, reason },
  });
}

export { nextStatuses };
