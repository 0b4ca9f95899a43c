import type { DeviceStatus } from '../../../../shared/api/devices';

/**
 * Devices in service: the fleet a school should be able to show an auditor and that will need
 * replacing. Lost and stolen devices are known to be gone; retired and e-waste ones have left.
 */
export const inServiceStatuses: readonly DeviceStatus[] = ['in_stock', 'assigned', 'loaner', 'in_repair'];

/** The same as a SQL list: `d.status IN ${inServiceSql}`. */
export const inServiceSql = `(${inServiceStatuses.map((s) => `'${s}'`).join(', ')})`;
