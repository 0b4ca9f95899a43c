import { describe, expect, it } from 'vitest';
import { deviceStatuses } from '../../../shared/api/devices';
import { AppError } from '../../platform/errors';
import { assertTransition, nextStatuses, refusalReason } from './status-machine';

function refusal(fn: () => void): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('device status machine', () => {
  it('lets a device in stock go out, to repair, be lost, stolen or retired', () => {
    expect(refusalReason('in_stock', 'assigned', 'checkout')).toBeUndefined();
    expect(refusalReason('in_stock', 'loaner', 'checkout')).toBeUndefined();
    expect(nextStatuses('in_stock').sort()).toEqual(['in_repair', 'lost', 'retired', 'stolen']);
  });

  it('assigns only through a check-out, never by setting the status', () => {
    for (const to of ['assigned', 'loaner'] as const) {
      expect(refusalReason('in_stock', to, 'status')).toBe('a device is assigned only by checking it out, which records who has it');
    }
  });

  it('checks out only a device in stock, saying why not', () => {
    expect(refusalReason('assigned', 'assigned', 'checkout')).toBe('the device is already checked out: check it in first');
    expect(refusalReason('lost', 'assigned', 'checkout')).toBe('the device is reported lost: mark it found (in stock) first');
    expect(refusalReason('in_repair', 'loaner', 'checkout')).toBe('only a device in stock can be checked out, and this one is in repair');
    expect(refusalReason('retired', 'assigned', 'checkout')).toBe('a retired device can only go to e-waste');
  });

  it('returns an assigned device by check-in (to stock or to repair), or records it lost or stolen', () => {
    for (const from of ['assigned', 'loaner'] as const) {
      expect(refusalReason(from, 'in_stock', 'checkin')).toBeUndefined();
      expect(refusalReason(from, 'in_repair', 'checkin')).toBeUndefined();
      expect(refusalReason(from, 'in_stock', 'status')).toBe('check the device in first, so its assignment is closed with its condition');
      expect(nextStatuses(from).sort()).toEqual(['lost', 'stolen']);
    }
    expect(refusalReason('in_stock', 'in_stock', 'checkin')).toBe('only a checked-out device can be checked in');
  });

  it('brings a lost or stolen device back to stock when found', () => {
    expect(refusalReason('lost', 'in_stock', 'status')).toBeUndefined();
    expect(refusalReason('stolen', 'in_stock', 'status')).toBeUndefined();
    expect(refusalReason('lost', 'stolen', 'status')).toBeUndefined();
  });

  it('sends a retired device only to e-waste, and e-waste nowhere', () => {
    expect(nextStatuses('retired')).toEqual(['ewaste']);
    expect(refusalReason('retired', 'in_stock', 'status')).toBe('a retired device can only go to e-waste');
    expect(nextStatuses('ewaste')).toEqual([]);
    for (const to of deviceStatuses) {
      for (const via of ['status', 'checkout', 'checkin'] as const) {
        expect(refusalReason('ewaste', to, via)).toBe('e-waste is final: the device has left the district');
      }
    }
    expect(refusalReason('in_stock', 'ewaste', 'status')).toBe('retire the device before sending it to e-waste');
  });

  it('refuses a change to the same status', () => {
    expect(refusalReason('in_repair', 'in_repair', 'status')).toBe('the device is already in repair');
  });

  it('refuses with a 409 that names both statuses and the reason', () => {
    const err = refusal(() => assertTransition('ewaste', 'in_stock', 'status'));
    expect(err.status).toBe(409);
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('Cannot change the status from e-waste to in stock: e-waste is final: the device has left the district');
    expect(err.options.details).toEqual({ from: 'ewaste', to: 'in_stock', reason: 'e-waste is final: the device has left the district' });
    expect(() => assertTransition('in_repair', 'in_stock', 'status')).not.toThrow();
  });
});
