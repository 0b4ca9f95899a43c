import { schoolYearLabel, type DemoCalendar } from './demo-device-calendar';
import type { FleetRoster, FleetStudent } from './demo-device-fleet';
import type { Rng } from './generate-random';

export interface AgreementRow {
  person_id: string;
  signed_by: 'student' | 'guardian';
  signer_person_id: string | null;
  signer_name: string;
  version: string;
  signed_at: string;
  recorded_by: string;
}

/**
 * Signed use agreements: most families sign this year's at online registration in July and August
 * (high-school students often sign themselves), a few only after the device went home, a few not
 * yet; students who had a device last year signed last year's too. The demo's own accounts always have one.
 */
export function signAgreements(
  rng: Rng,
  o: { roster: FleetRoster; calendar: DemoCalendar; oneToOne: Set<string>; returning: Set<string>; actorLabel: string },
): AgreementRow[] {
  const { roster, calendar: c } = o;
  const Y = c.schoolYear;
  const rows: AgreementRow[] = [];
  const sign = (s: FleetStudent, version: string, from: number, to: number) => {
    const guardians = roster.guardians.get(s.id) ?? [];
    const guardian = guardians.find((g) => g.id === roster.featuredGuardian) ?? guardians[0];
    const byStudent = s.grade >= 9 ? rng.chance(0.5) || !guardian : !guardian && s.grade >= 6;
    if (!byStudent && !guardian) return;
    rows.push({
      person_id: s.id,
      signed_by: byStudent ? 'student' : 'guardian',
      signer_person_id: byStudent ? s.id : guardian!.id,
      signer_name: byStudent ? s.name : guardian!.name,
      version,
      signed_at: new Date(from + rng.next() * (to - from)).toISOString(),
      recorded_by: byStudent ? o.actorLabel : 'token:Infinite Campus registration',
    });
  };
  for (const s of roster.students) {
    if (o.returning.has(s.id)) sign(s, schoolYearLabel(Y - 1), c.at(Y - 1, '07-20'), c.at(Y - 1, '08-15'));
    const featured = roster.featured.has(s.id);
    if (!featured && !rng.chance(o.oneToOne.has(s.id) ? 0.95 : 0.9)) continue;
    if (!featured && rng.chance(0.04)) sign(s, schoolYearLabel(Y), c.at(Y, '08-22'), c.thisYear());
    else sign(s, schoolYearLabel(Y), c.at(Y, '07-20'), c.at(Y, '08-15'));
  }
  return rows;
}
