import type { MailMessage } from '../../../platform/mail';

/** 'both' when we know no account language for the recipient: the message carries English and Spanish. */
export type NoticeLanguage = 'en' | 'es' | 'both';

export interface PickupFacts {
  recipientName: string;
  /** The recipient is a guardian of the student, not the student. */
  isGuardian: boolean;
  studentName: string;
  deviceLabel: string;
  schoolName: string | null;
  /** A loaner lent with the repair that should come back at pickup. */
  loanerLabel: string | null;
}

function english(f: PickupFacts) {
  const whose = f.isGuardian ? `${f.studentName}'s device` : 'Your device';
  const where = f.schoolName ? ` at ${f.schoolName}` : '';
  const loaner = f.loanerLabel ? `\n\nPlease bring back the loaner ${f.loanerLabel} when you pick it up.` : '';
  return {
    subject: `Device ${f.deviceLabel} is ready for pickup`,
    text: `Hello ${f.recipientName},\n\n${whose} ${f.deviceLabel} has been repaired and is ready for pickup${where}.${loaner}\n`,
  };
}

function spanish(f: PickupFacts) {
  const whose = f.isGuardian ? `El dispositivo ${f.deviceLabel} de ${f.studentName}` : `Su dispositivo ${f.deviceLabel}`;
  const where = f.schoolName ? ` en ${f.schoolName}` : '';
  const loaner = f.loanerLabel ? `\n\nPor favor devuelva el dispositivo de préstamo ${f.loanerLabel} al recogerlo.` : '';
  return {
    subject: `El dispositivo ${f.deviceLabel} está listo para recoger`,
    text: `Hola ${f.recipientName}:\n\n${whose} ya fue reparado y está listo para recoger${where}.${loaner}\n`,
  };
}

/** The "ready for pickup" email in the recipient's language. */
export function pickupMessage(language: NoticeLanguage, facts: PickupFacts): Omit<MailMessage, 'to'> {
  switch (language) {
    case 'en':
      return english(facts);
    case 'es':
      return spanish(facts);
    case 'both': {
      const en = english(facts);
      const es = spanish(facts);
      return { subject: `${en.subject} / ${es.subject}`, text: `${en.text}\n---\n\n${es.text}` };
    }
  }
}
