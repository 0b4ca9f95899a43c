import { describe, expect, it } from 'vitest';
import { assertRepairTransition, isRepairFinished, repairRefusal } from './repair-transitions';

describe('repair status transitions', () => {
  it('moves forward through vendor and pickup, and may skip a step', () => {
    expect(repairRefusal('open', 'sent_to_vendor')).toBeUndefined();
    expect(repairRefusal('sent_to_vendor', 'ready_for_pickup')).toBeUndefined();
    expect(repairRefusal('ready_for_pickup', 'closed')).toBeUndefined();
    expect(repairRefusal('open', 'ready_for_pickup')).toBeUndefined();
    expect(repairRefusal('open', 'cancelled')).toBeUndefined();
  });

  it('refuses going back, repeating a status, and anything after the end, saying why', () => {
    expect(repairRefusal('ready_for_pickup', 'sent_to_vendor')).toMatch(/only moves forward/);
    expect(repairRefusal('sent_to_vendor', 'sent_to_vendor')).toBe('the repair is already sent to the vendor');
    expect(repairRefusal('closed', 'cancelled')).toMatch(/^the repair is closed: open a new one/);
    expect(() => assertRepairTransition('cancelled', 'ready_for_pickup')).toThrow(
      'Cannot change the repair from cancelled to ready for pickup: the repair is cancelled: open a new one if the device needs more work',
    );
    expect(isRepairFinished('closed')).toBe(true);
    expect(isRepairFinished('ready_for_pickup')).toBe(false);
  });
});
