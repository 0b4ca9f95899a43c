import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../api/incidents';
import { fetchBoard, systemKeys } from '../../api/systems';
import { localeFor, numberFormat } from '../../i18n/format';

/** The title in the reader's language. */
export function useIncidentTitle() {
  const { i18n } = useTranslation();
  return (i: Pick<Incident, 'title'>) => (i18n.language === 'es' ? i.title.es : i.title.en);
}

/** Lengths of time in words the reader's language uses ("2 hr 5 min", "2 h 5 min"): seconds below a minute, days above a day. */
export function useDuration() {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const unit = (u: 'second' | 'minute' | 'hour' | 'day') => numberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' });
  const [s, m, h, d] = [unit('second'), unit('minute'), unit('hour'), unit('day')];
  return (seconds: number) => {
    const total = Math.max(0, Math.round(seconds));
    if (total < 60) return s.format(total);
    const minutes = Math.round(total / 60);
    if (minutes < 60) return m.format(minutes);
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return minutes % 60 ? `${h.format(hours)} ${m.format(minutes % 60)}` : h.format(hours);
    const days = Math.floor(hours / 24);
    return hours % 24 ? `${d.format(days)} ${h.format(hours % 24)}` : d.format(days);
  };
}

/** The district's systems as choices, with a name for each id (the board is shared with the systems pages). */
export function useSystemChoices() {
  const board = useQuery({ queryKey: systemKeys.board, queryFn: fetchBoard });
  const systems = board.data ?? [];
  const names = new Map(systems.map((s) => [s.id, s.name]));
  return {
    isPending: board.isPending,
    options: systems.map((s) => ({ value: s.id, label: s.name })),
    name: (id: string) => names.get(id) ?? id,
  };
}
