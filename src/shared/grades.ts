/** CEDS grade levels (the codes OneRoster uses), in school order. */
export const gradeLevels = [
  'IT',
  'PR',
  'PK',
  'TK',
  'KG',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  'PS',
  'UG',
  'Other',
] as const;
export type GradeLevel = (typeof gradeLevels)[number];

/** A grade's place in school order; unknown codes sort last. */
export function gradeRank(grade: string): number {
  const i = (gradeLevels as readonly string[]).indexOf(grade);
  return i === -1 ? gradeLevels.length : i;
}
