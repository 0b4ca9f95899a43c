import { describe, expect, it } from 'vitest';
import { pickupMessage } from './pickup-message';

const facts = {
  recipientName: 'Gia Alvarez',
  isGuardian: true,
  studentName: 'Ana Alvarez',
  deviceLabel: 'CB-1001',
  schoolName: 'North High',
  loanerLabel: 'LN-7',
};

describe('the ready-for-pickup email', () => {
  it('tells a guardian in Spanish whose device is ready, where, and to bring the loaner back', () => {
    const m = pickupMessage('es', facts);
    expect(m.subject).toBe('El dispositivo CB-1001 está listo para recoger');
    expect(m.text).toContain('El dispositivo CB-1001 de Ana Alvarez ya fue reparado y está listo para recoger en North High.');
    expect(m.text).toContain('LN-7');
  });

  it('speaks to a student about their own device in English, and carries both languages when none is known', () => {
    const en = pickupMessage('en', { ...facts, recipientName: 'Ana', isGuardian: false, loanerLabel: null, schoolName: null });
    expect(en.text).toBe('Hello Ana,\n\nYour device CB-1001 has been repaired and is ready for pickup.\n');
    const both = pickupMessage('both', facts);
    expect(both.subject).toBe('Device CB-1001 is ready for pickup / El dispositivo CB-1001 está listo para recoger');
    expect(both.text).toContain("Ana Alvarez's device");
    expect(both.text).toContain('Hola Gia Alvarez');
  });
});
