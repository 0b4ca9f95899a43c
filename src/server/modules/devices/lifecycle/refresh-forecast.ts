import type { Queryable } from '../../../db/client';
import { Params } from '../../../platform/sql';
import { deviceReportLimits, schoolYearStartMonth, type ForecastCell, type RefreshForecast } from '../../../../shared/api/device-reports';
import { inServiceSql } from './in-service';
import { fromCents, toCents } from '../money';
import { schoolYearBounds, schoolYearLabel, schoolYearOf, todayIso } from './school-year';

export interface RefreshForecastOptions {
  /** How many school years to forecast (default 5). */
  years?: number;
  /** The first school year (2027 = 2026–27); default the one `today` falls in. */
  fromYear?: number;
  /** Only this school's devices. */
  schoolId?: string;
  /**
   * A further restriction on a `devices` row `alias` (the HTTP route passes the caller's scope, so
   * a principal sees their schools); the district is always applied.
   */
  scope?: (alias: string, params: Params) => string;
  /** 'YYYY-MM-DD'; default today (UTC). */
  today?: string;
}

interface GroupRow {
  model_id: string | null;
  school_year: number | null;
  by_aue: boolean;
  n: number;
  cost: string;
  unpriced: number;
  no_model: number;
  no_purchase: number;
  no_life: number;
}

interface Cell {
  devices: number;
  reachingAue: number;
  reachingEndOfLife: number;
  cents: number;
  unpricedDevices: number;
}

const emptyCell = (): Cell => ({ devices: 0, reachingAue: 0, reachingEndOfLife: 0, cents: 0, unpricedDevices: 0 });

function add(cell: Cell, r: GroupRow) {
  cell.devices += r.n;
  if (r.by_aue) cell.reachingAue += r.n;
  else cell.reachingEndOfLife += r.n;
  cell.cents += toCents(r.cost);
  cell.unpricedDevices += r.unpriced;
}

const out = ({ cents, ...c }: Cell): ForecastCell => ({ ...c, cost: fromCents(cents) });

/**
 * The refresh forecast: for each school year, how many devices in service come due for
 * replacement — at their AUE (the device's own, else its model's) or at the end of their
 * expected life (purchase date + the model's expected life), whichever comes first — and what
 * replacing them costs at the model's replacement price, by model and in total.
 *
 * Nothing is dropped: devices due before the first year are `overdue`, after the last one
 * `beyondHorizon`, and devices with neither date are `unknownDates` with the reason. The Budget
 * module imports this function; it is the one computation of these figures.
 */
export async function refreshForecast(db: Queryable, districtId: string, options: RefreshForecastOptions = {}): Promise<RefreshForecast> {
  const today = options.today ?? todayIso();
  const fromYear = options.fromYear ?? schoolYearOf(today);
  const count = options.years ?? deviceReportLimits.forecastYearsDefault;
  const lastYear = fromYear + count - 1;

  const params = new Params([districtId, schoolYearStartMonth]);
  const where = [`d.district_id = $1`, `d.status IN ${inServiceSql}`];
  if (options.scope) where.push(options.scope('d', params));
  if (options.schoolId) where.push(`d.school_id = ${params.add(options.schoolId)}`);
  const [groups, models] = await Promise.all([
    db.query<GroupRow>(
      `WITH fleet AS (
         SELECT d.model_id, m.replacement_price AS price, coalesce(d.aue_date, m.aue_date) AS aue,
                CASE WHEN d.purchase_date IS NOT NULL AND m.expected_life_years IS NOT NULL
                     THEN (d.purchase_date + make_interval(years => m.expected_life_years))::date END AS eol,
                d.purchase_date IS NULL AS no_purchase, m.expected_life_years IS NULL AS no_life
           FROM devices d LEFT JOIN device_models m ON m.id = d.model_id
          WHERE ${where.join(' AND ')}
       ), due AS (
         SELECT *, least(aue, eol) AS due_on FROM fleet
       )
       SELECT model_id,
              CASE WHEN due_on IS NOT NULL
                   THEN extract(year FROM due_on)::int + CASE WHEN extract(month FROM due_on) >= $2 THEN 1 ELSE 0 END END AS school_year,
              coalesce(aue = due_on, false) AS by_aue,
              count(*)::int AS n, coalesce(sum(price), 0)::text AS cost, count(*) FILTER (WHERE price IS NULL)::int AS unpriced,
              count(*) FILTER (WHERE model_id IS NULL)::int AS no_model,
              count(*) FILTER (WHERE model_id IS NOT NULL AND no_purchase)::int AS no_purchase,
              count(*) FILTER (WHERE model_id IS NOT NULL AND no_life)::int AS no_life
         FROM due GROUP BY 1, 2, 3`,
      params.values,
    ),
    db.query<{ id: string; manufacturer: string | null; name: string; replacement_price: string | null }>(
      'SELECT id, manufacturer, name, replacement_price FROM device_models WHERE district_id = $1',
      [districtId],
    ),
  ]);

  const yearList = Array.from({ length: count }, (_, i) => fromYear + i);
  const totals = { years: new Map(yearList.map((y) => [y, emptyCell()])), overdue: emptyCell(), beyond: 0 };
  const unknown = { devices: 0, noModel: 0, noPurchaseDate: 0, noExpectedLife: 0 };
  interface ModelAcc {
    fleet: number;
    years: Map<number, Cell>;
    overdue: Cell;
    beyond: number;
    unknown: number;
  }
  const byModel = new Map<string | null, ModelAcc>();
  let fleet = 0;
  for (const r of groups.rows) {
    let m = byModel.get(r.model_id);
    if (!m) {
      m = { fleet: 0, years: new Map(yearList.map((y) => [y, emptyCell()])), overdue: emptyCell(), beyond: 0, unknown: 0 };
      byModel.set(r.model_id, m);
    }
    m.fleet += r.n;
    fleet += r.n;
    if (r.school_year === null) {
      m.unknown += r.n;
      unknown.devices += r.n;
      unknown.noModel += r.no_model;
      unknown.noPurchaseDate += r.no_purchase;
      unknown.noExpectedLife += r.no_life;
    } else if (r.school_year < fromYear) {
      add(m.overdue, r);
      add(totals.overdue, r);
    } else if (r.school_year > lastYear) {
      m.beyond += r.n;
      totals.beyond += r.n;
    } else {
      add(m.years.get(r.school_year)!, r);
      add(totals.years.get(r.school_year)!, r);
    }
  }

  const sum = (cells: Iterable<Cell>) => {
    const t = emptyCell();
    for (const c of cells) {
      t.devices += c.devices;
      t.reachingAue += c.reachingAue;
      t.reachingEndOfLife += c.reachingEndOfLife;
      t.cents += c.cents;
      t.unpricedDevices += c.unpricedDevices;
    }
    return t;
  };
  const modelInfo = new Map(models.rows.map((m) => [m.id, m]));
  const modelRows = [...byModel.entries()]
    .map(([id, m]) => {
      const info = id ? modelInfo.get(id) : undefined;
      return {
        modelId: id,
        manufacturer: info?.manufacturer ?? null,
        modelName: info?.name ?? null,
        replacementPrice: info?.replacement_price ?? null,
        fleet: m.fleet,
        years: yearList.map((schoolYear) => ({ schoolYear, ...out(m.years.get(schoolYear)!) })),
        overdue: out(m.overdue),
        beyondHorizon: m.beyond,
        unknownDates: m.unknown,
        total: out(sum(m.years.values())),
      };
    })
    .sort((a, b) => {
      if (a.modelId === null || b.modelId === null) return a.modelId === null ? 1 : -1;
      const ka = `${a.manufacturer ?? ''} ${a.modelName ?? ''}`.toLowerCase();
      const kb = `${b.manufacturer ?? ''} ${b.modelName ?? ''}`.toLowerCase();
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });

  return {
    asOf: today,
    fromYear,
    years: yearList.map((schoolYear) => ({
      schoolYear,
      label: schoolYearLabel(schoolYear),
      ...schoolYearBounds(schoolYear),
      ...out(totals.years.get(schoolYear)!),
    })),
    byModel: modelRows,
    overdue: out(totals.overdue),
    beyondHorizon: { devices: totals.beyond },
    unknownDates: unknown,
    totals: out(sum(totals.years.values())),
    fleet,
  };
}
