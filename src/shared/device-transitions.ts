import type { DeviceStatus } from './api/devices';

/**
 * How a status change is made. Assigned and loaner are entered only by a check-out (which
 * records who has the device) and left only by a check-in (which closes that record with the
 * device's condition) — or by a report that the device is lost or stolen.
 */
export type TransitionVia = 'checkout' | 'checkin' | 'status';

const held = { in_stock: ['checkin'], in_repair: ['checkin'], lost: ['status'], stolen: ['status'] } as const;

/**
 * Every legal move: from → to → the ways it may be made. Anything absent is refused. The server
 * enforces it (server/modules/devices/status-machine.ts); the web app offers only these moves.
 */
export const legalMoves: Record<DeviceStatus, Partial<Record<DeviceStatus, readonly TransitionVia[]>>> = {
  in_stock: {
    assigned: ['checkout'],
    loaner: ['checkout'],
    in_repair: ['status'],
    lost: ['status'],
    stolen: ['status'],
    retired: ['status'],
  },
  assigned: held,
  loaner: held,
  in_repair: { in_stock: ['status'], lost: ['status'], retired: ['status'] },
  lost: { in_stock: ['status'], stolen: ['status'], retired: ['status'] },
  stolen: { in_stock: ['status'], lost: ['status'], retired: ['status'] },
  retired: { ewaste: ['status'] },
  ewaste: {},
};

/** The statuses a device may be moved to by a plain status change (what the UI offers). */
export function nextStatuses(from: DeviceStatus): DeviceStatus[] {
  return (Object.keys(legalMoves[from]) as DeviceStatus[]).filter((to) => legalMoves[from][to]!.includes('status'));
}
