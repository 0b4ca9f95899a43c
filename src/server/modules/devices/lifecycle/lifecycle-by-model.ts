import type { Queryable } from '../../../db/client';
import { Params } from '../../../platform/sql';
import type { Lifecycle, LifecycleModel } from '../../../../shared/api/device-reports';
import { inServiceSql } from './in-service';
import { todayIso } from './school-year';

export interface LifecycleOptions {
  schoolId?: string;
  /** A further restriction on a `devices` row `alias` (the caller's scope); the district is always applied. */
  scope?: (alias: string, params: Params) => string;
  today?: string;
}

interface Row {
  model_id: string | null;
  manufacturer: string | null;
  name: string | null;
  category: LifecycleModel['category'];
  expected_life_years: number | null;
  replacement_price: string | null;
  model_aue: string | null;
  n: number;
  avg_age: string | null;
  under1: number;
  years1to2: number;
  years2to3: number;
  years3to4: number;
  years4to5: number;
  years5plus: number;
  age_unknown: number;
  aue_past: number;
  aue_within_year: number;
  aue_later: number;
  aue_unknown: number;
  past_eol: number;
}

type Counts = Pick<LifecycleModel, 'devices' | 'byAge' | 'aue' | 'pastEndOfLife'>;

const countsOf = (r: Row): Counts => ({
  devices: r.n,
  byAge: {
    under1: r.under1,
    years1to2: r.years1to2,
    years2to3: r.years2to3,
    years3to4: r.years3to4,
    years4to5: r.years4to5,
    years5plus: r.years5plus,
    unknown: r.age_unknown,
  },
  aue: { past: r.aue_past, withinYear: r.aue_within_year, later: r.aue_later, unknown: r.aue_unknown },
  pastEndOfLife: r.past_eol,
});

/** Devices in service by model: how many, how old, where they stand against AUE and end of life. */
export async function lifecycleByModel(db: Queryable, districtId: string, options: LifecycleOptions = {}): Promise<Lifecycle> {
  const today = options.today ?? todayIso();
  const params = new Params([districtId, today]);
  const where = [`d.district_id = $1`, `d.status IN ${inServiceSql}`];
  if (options.scope) where.push(options.scope('d', params));
  if (options.schoolId) where.push(`d.school_id = ${params.add(options.schoolId)}`);
  const age = `extract(year FROM age($2::date, d.purchase_date))`;
  const aue = 'coalesce(d.aue_date, m.aue_date)';
  const { rows } = await db.query<Row>(
    `SELECT d.model_id, m.manufacturer, m.name, m.category, m.expected_life_years, m.replacement_price::text AS replacement_price,
            m.aue_date AS model_aue, count(*)::int AS n,
            round(avg(($2::date - d.purchase_date) / 365.25), 1)::text AS avg_age,
            count(*) FILTER (WHERE ${age} < 1)::int AS under1,
            count(*) FILTER (WHERE ${age} = 1)::int AS years1to2,
            count(*) FILTER (WHERE ${age} = 2)::int AS years2to3,
            count(*) FILTER (WHERE ${age} = 3)::int AS years3to4,
            count(*) FILTER (WHERE ${age} = 4)::int AS years4to5,
            count(*) FILTER (WHERE ${age} >= 5)::int AS years5plus,
            count(*) FILTER (WHERE d.purchase_date IS NULL)::int AS age_unknown,
            count(*) FILTER (WHERE ${aue} < $2::date)::int AS aue_past,
            count(*) FILTER (WHERE ${aue} >= $2::date AND ${aue} < ($2::date + interval '1 year'))::int AS aue_within_year,
            count(*) FILTER (WHERE ${aue} >= ($2::date + interval '1 year'))::int AS aue_later,
            count(*) FILTER (WHERE ${aue} IS NULL)::int AS aue_unknown,
            count(*) FILTER (WHERE d.purchase_date + make_interval(years => m.expected_life_years) <= $2::date)::int AS past_eol
       FROM devices d LEFT JOIN device_models m ON m.id = d.model_id
      WHERE ${where.join(' AND ')}
      GROUP BY d.model_id, m.id
      ORDER BY (d.model_id IS NULL), lower(coalesce(m.manufacturer, '')), lower(m.name)`,
    params.values,
  );
  const models: LifecycleModel[] = rows.map((r) => ({
    modelId: r.model_id,
    manufacturer: r.manufacturer,
    modelName: r.name,
    category: r.category,
    expectedLifeYears: r.expected_life_years,
    replacementPrice: r.replacement_price,
    aueDate: r.model_aue,
    averageAgeYears: r.avg_age === null ? null : Number(r.avg_age),
    ...countsOf(r),
  }));
  const totals = models.reduce<Counts>(
    (t, m) => ({
      devices: t.devices + m.devices,
      byAge: Object.fromEntries(Object.entries(t.byAge).map(([k, v]) => [k, v + m.byAge[k as keyof Counts['byAge']]])) as Counts['byAge'],
      aue: Object.fromEntries(Object.entries(t.aue).map(([k, v]) => [k, v + m.aue[k as keyof Counts['aue']]])) as Counts['aue'],
      pastEndOfLife: t.pastEndOfLife + m.pastEndOfLife,
    }),
    {
      devices: 0,
      byAge: { under1: 0, years1to2: 0, years2to3: 0, years3to4: 0, years4to5: 0, years5plus: 0, unknown: 0 },
      aue: { past: 0, withinYear: 0, later: 0, unknown: 0 },
      pastEndOfLife: 0,
    },
  );
  return { asOf: today, models, totals };
}
