import { describe, expect, it } from 'vitest';
import { looksLikeCardNumber } from './device-repair-fields';
import { paymentCreateSchema } from './device-fees';

describe('card numbers are never recorded', () => {
  it('recognises card numbers however they are typed', () => {
    expect(looksLikeCardNumber('4111111111111111')).toBe(true);
    expect(looksLikeCardNumber('4111 1111 1111 1111')).toBe(true);
    expect(looksLikeCardNumber('paid with 5555-5555-5555-4444 at the office')).toBe(true);
    expect(looksLikeCardNumber('378282246310005')).toBe(true);
  });

  it('lets receipt, check and transaction numbers through', () => {
    expect(looksLikeCardNumber('CHK 10234')).toBe(false);
    expect(looksLikeCardNumber('R-2025-000123')).toBe(false);
    // 16 digits that fail the Luhn check are not a card number.
    expect(looksLikeCardNumber('4111111111111112')).toBe(false);
    expect(looksLikeCardNumber('TXN 20250314093011223344')).toBe(false);
  });

  it('refuses a payment whose reference looks like a card number', () => {
    const base = { personId: '00000000-0000-4000-8000-000000000000', amount: '10.00', method: 'online' };
    expect(paymentCreateSchema.safeParse({ ...base, reference: 'PAYPAL-7781' }).success).toBe(true);
    const refused = paymentCreateSchema.safeParse({ ...base, reference: '4111 1111 1111 1111' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['reference']);
  });
});
