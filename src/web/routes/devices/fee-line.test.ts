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
    expect(feeLineText(t, { kind: 'payment', description: 'Payment (check)', method: 'check', free: false }, 'es')).toBe('Pago (Cheque)');
    expect(feeLineText(t, { kind: 'waiver', description: 'Waiver', method: null, free: false }, 'es')).toBe('Exención');
  });

  it('keeps what was charged and marks a free repair without the English reason', () => {
    expect(
      feeLineText(
        t,
        {
          kind: 'charge',
          description: 'Accidental damage (LS-000123): free, 1st of 1 free in 2026–27',
          method: null,
          free: true,
        },
        'es',
      ),
    ).toBe('Cargo: Accidental damage (LS-000123) (sin costo)');
    expect(feeLineText(t, { kind: 'charge', description: 'Screen (LS-000123)', method: null, free: false }, 'es')).toBe(
      'Cargo: Screen (LS-000123)',
    );
  });

  it('names the charge as the price list does in Spanish, when the district gave a Spanish name', () => {
    const line = {
      kind: 'charge' as const,
      description: 'Screen replacement × 2 (LS-000123): free, the repair is free',
      descriptionEs: 'Reemplazo de pantalla × 2 (LS-000123)',
      method: null,
      free: true,
    };
    expect(feeLineText(t, line, 'es')).toBe('Cargo: Reemplazo de pantalla × 2 (LS-000123) (sin costo)');
    // An English reader keeps the English name, and neither sees the staff's note on why it was free.
    expect(feeLineText(((key: string) => (key.endsWith('charge') ? 'Charge' : 'no charge')) as unknown as TFunction, line, 'en')).toBe(
      'Charge: Screen replacement × 2 (LS-000123) (no charge)',
    );
  });
});
