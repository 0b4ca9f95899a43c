import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/errors';
import { dateTimeFormat, localeFor } from '../../../i18n/format';
import type { AuditEntry, AuditOutcome, Warning } from './audit-line';
import type { Tone } from '../DeviceStatusBadge';

/** Each outcome's badge colour; the badge's words say the same. */
export const outcomeTone: Record<AuditOutcome, Tone> = {
  seen_here: 'ok',
  seen_elsewhere: 'warn',
  already_seen: 'muted',
  unknown_tag: 'stop',
  network: 'stop',
  closed: 'stop',
  error: 'stop',
};

/** A scan's outcome and its warnings as sentences in the reader's language. */
export function useAuditText() {
  const { t, i18n } = useTranslation();
  const time = dateTimeFormat(localeFor(i18n.language), { timeStyle: 'medium' });
  const status = (s: Warning['status']) => t(`devices.status.${s}`).toLowerCase();

  const message = (e: AuditEntry): string => {
    switch (e.outcome) {
      case 'seen_here':
        return t('audits.scan.msg.seen_here', { tag: e.tag });
      case 'seen_elsewhere':
        return e.schoolName
          ? t('audits.scan.msg.seen_elsewhere', { tag: e.tag, school: e.schoolName })
          : t('audits.scan.msg.seen_elsewhere_none', { tag: e.tag });
      case 'already_seen':
        return t('audits.scan.msg.already_seen', { tag: e.tag, time: e.firstSeenAt ? time.format(new Date(e.firstSeenAt)) : '' });
      case 'unknown_tag':
        return t('audits.scan.msg.unknown_tag', { tag: e.tag });
      case 'network':
        return t('audits.scan.msg.network', { tag: e.tag });
      case 'closed':
        return t('audits.scan.msg.closed', { tag: e.tag });
      case 'error':
        return t('audits.scan.msg.error', { tag: e.tag, message: errorMessage(e.error, t) });
    }
  };
  const warning = (w: Warning): string =>
    w.key === 'reported'
      ? t('audits.scan.warn.reported', { status: status(w.status) })
      : t('audits.scan.warn.outOfService', { status: status(w.status) });
  const badge = (outcome: AuditOutcome): string => t(`audits.scan.tones.${outcome}`);

  return { message, warning, badge, time: (d: Date) => time.format(d) };
}
