import { AppError } from '../../platform/errors';

const constraintMessages: Record<string, { message: string; field?: string }> = {
  devices_tag: { message: 'This asset tag is already used by another device', field: 'assetTag' },
  devices_serial: { message: 'This serial is already used by another device', field: 'serial' },
  device_assignments_open: { message: 'The device is already checked out' },
  device_models_name: { message: 'This model already exists', field: 'name' },
  device_events_undone_once: { message: 'This scan was already undone' },
};

/**
 * Turns a unique violation that slipped past a service's own check (two requests racing) into
 * the 409 the check would have given; anything else is rethrown as it is.
 */
export function asConflict(err: unknown): never {
  const e = err as { code?: unknown; constraint?: unknown };
  if (e && e.code === '23505' && typeof e.constraint === 'string') {
    const known = constraintMessages[e.constraint];
    if (known) throw new AppError('conflict', known.message, known.field ? { field: known.field } : {});
  }
  throw err;
}
