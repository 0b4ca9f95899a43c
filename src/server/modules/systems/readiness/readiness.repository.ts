import type { Queryable } from '../../../db/client';
import type { ReadinessBoard, ReadinessItem, ReadinessOwner, ReadinessYear } from '../../../../shared/api/readiness';
import { roles } from '../../../../shared/roles';
import { roleHas } from '../../../platform/policy';

/** "Today" is the district's calendar day: an item due on the 14th is late on the 15th in its own time zone. */
const TODAY = '(now() AT TIME ZONE d.timezone)::date';

interface YearRow {
  id: string;
  school_year: number;
  first_day: string;
  days_to_first_day: number;
  today: string;
  total: number;
  done: number;
  late: number;
}

export interface ItemRow {
  id: string;
  year_id: string;
  system_id: string;
  template_key: string | null;
  title: string;
  owner_account_id: string;
  owner_name: string;
  owner_email: string;
  due_date: string;
  done_at: Date | null;
  done_by_label: string | null;
  evidence_text: string | null;
  evidence_url: string | null;
}

const progress = (total: number, done: number, late: number) => ({ total, done, late, completion: total === 0 ? 0 : done / total });

const YEARS_SQL = `
  SELECT y.id, y.school_year, y.first_day, (y.first_day - ${TODAY})::int AS days_to_first_day, ${TODAY} AS today,
         count(i.id)::int AS total, (count(i.id) FILTER (WHERE i.done_at IS NOT NULL))::int AS done,
         (count(i.id) FILTER (WHERE i.done_at IS NULL AND i.due_date < ${TODAY}))::int AS late
    FROM readiness_years y JOIN districts d ON d.id = y.district_id
    LEFT JOIN readiness_items i ON i.year_id = y.id
   WHERE y.district_id = $1`;

function toYear(r: YearRow): ReadinessYear {
  return {
    id: r.id,
    schoolYear: r.school_year,
    firstDay: r.first_day,
    daysToFirstDay: r.days_to_first_day,
    progress: progress(r.total, r.done, r.late),
  };
}

export async function listReadinessYears(db: Queryable, districtId: string): Promise<ReadinessYear[]> {
  const { rows } = await db.query<YearRow>(`${YEARS_SQL} GROUP BY y.id, d.timezone ORDER BY y.school_year DESC`, [districtId]);
  return rows.map(toYear);
}

async function findYear(db: Queryable, districtId: string, schoolYear: number): Promise<YearRow | undefined> {
  const { rows } = await db.query<YearRow>(`${YEARS_SQL} AND y.school_year = $2 GROUP BY y.id, d.timezone`, [districtId, schoolYear]);
  return rows[0];
}

export async function findYearId(
  db: Queryable,
  districtId: string,
  schoolYear: number,
): Promise<{ id: string; firstDay: string } | undefined> {
  const { rows } = await db.query<{ id: string; first_day: string }>(
    'SELECT id, first_day FROM readiness_years WHERE district_id = $1 AND school_year = $2',
    [districtId, schoolYear],
  );
  return rows[0] ? { id: rows[0].id, firstDay: rows[0].first_day } : undefined;
}

export const ITEM_SQL = `
  SELECT i.id, i.year_id, i.system_id, i.template_key, i.title, i.owner_account_id, a.display_name AS owner_name, a.email AS owner_email,
         i.due_date, i.done_at, i.done_by_label, i.evidence_text, i.evidence_url
    FROM readiness_items i JOIN accounts a ON a.id = i.owner_account_id`;

export function toItem(r: ItemRow, today: string): ReadinessItem {
  return {
    id: r.id,
    systemId: r.system_id,
    templateKey: r.template_key,
    title: r.title,
    owner: { id: r.owner_account_id, name: r.owner_name, email: r.owner_email },
    dueDate: r.due_date,
    done: r.done_at
      ? { at: r.done_at.toISOString(), by: r.done_by_label ?? 'unknown', evidence: { text: r.evidence_text, url: r.evidence_url } }
      : null,
    // ISO dates compare as strings.
    late: r.done_at === null && r.due_date < today,
  };
}

export async function readItem(db: Queryable, districtId: string, itemId: string): Promise<ReadinessItem | undefined> {
  const { rows } = await db.query<ItemRow & { today: string }>(
    `${ITEM_SQL.replace('FROM readiness_items i', `, ${TODAY} AS today FROM readiness_items i JOIN districts d ON d.id = i.district_id`)}
      WHERE i.district_id = $1 AND i.id = $2`,
    [districtId, itemId],
  );
  return rows[0] ? toItem(rows[0], rows[0].today) : undefined;
}

/** The board of one school year: per system its items and completion, what is late, and who has no checklist yet. */
export async function readReadinessBoard(db: Queryable, districtId: string, schoolYear: number): Promise<ReadinessBoard | undefined> {
  const year = await findYear(db, districtId, schoolYear);
  if (!year) return undefined;
  const [{ rows: items }, { rows: systems }] = await Promise.all([
    db.query<ItemRow>(
      `${ITEM_SQL} WHERE i.district_id = $1 AND i.year_id = $2 ORDER BY i.system_id, i.due_date, i.position, i.created_at`,
      [districtId, year.id],
    ),
    db.query<{ id: string; name: string; tier: number }>('SELECT id, name, tier FROM systems WHERE district_id = $1 ORDER BY tier, name', [
      districtId,
    ]),
  ]);
  const bySystem = new Map<string, ReadinessItem[]>();
  for (const r of items) {
    const list = bySystem.get(r.system_id) ?? [];
    list.push(toItem(r, year.today));
    bySystem.set(r.system_id, list);
  }
  const withItems = systems.filter((s) => bySystem.has(s.id));
  return {
    ...toYear(year),
    systems: withItems.map((s) => {
      const list = bySystem.get(s.id)!;
      const done = list.filter((i) => i.done).length;
      return { ...s, progress: progress(list.length, done, list.filter((i) => i.late).length), items: list };
    }),
    systemsWithoutChecklist: systems.filter((s) => s.tier <= 2 && !bySystem.has(s.id)),
  };
}

/** Roles that can see the board, so an item is never given to someone who cannot find it. */
const boardRoles = roles.filter((r) => roleHas(r, 'systems.read'));

/** Who may be given an item: the district's active accounts that can see the board, by name. */
export async function listReadinessOwners(db: Queryable, districtId: string): Promise<ReadinessOwner[]> {
  const { rows } = await db.query<ReadinessOwner>(
    `SELECT a.id, a.display_name AS name, a.email FROM accounts a
      WHERE a.district_id = $1 AND a.status = 'active'
        AND EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id AND r.role = ANY($2))
      ORDER BY lower(a.display_name), a.email`,
    [districtId, boardRoles],
  );
  return rows;
}
