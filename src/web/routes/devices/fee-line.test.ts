import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import es from '../../i18n/locales/devices.es.json';
import { feeLineText } from './fee-line';

/** Spanish strings looked up as i18next would, with {{name}} filled in. */
const t = ((key: string, opts: Record<string, string> = {}) => {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], es) as string;
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => opts[name] ?? '');
}) as unknown as TFunction;

describe('fee statement lines in the family’s language', () => {
  it('says payments and waivers in Spanish, whatever the ledger stored in English', () => {
    expect(feeLineText(t, { kind: 'payment', description: 'Payment (check)', method: 'check', free: false })).toBe('Pago (Cheque)');
    expect(feeLineText(t, { kind: 'waiver', description: 'Waiver', method: null, free: false })).toBe('Exención');
  });

  it('keeps what was charged and marks a free repair without the English reason', () => {
    expect(
      feeLineText(t, {
        kind: 'charge',
        description: 'Accidental damage (LS-000123): free, 1st of 1 free in 2026–27',
        method: null,
        free: true,
      }),
    ).toBe('Cargo: Accidental damage (LS-000123) (sin costo)');
    expect(feeLineText(t, { kind: 'charge', description: 'Screen (LS-000123)', method: null, free: false })).toBe(
      'Cargo: Screen (LS-000123)',
    );
  });
});
