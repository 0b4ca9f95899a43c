import { cohorts, demoModels, lostNotes, repairs, stolenNotes, type CohortKey, type ModelKey } from './demo-device-models';
import { signAgreements } from './demo-device-agreements';
import { createDemoCalendar, schoolYearLabel } from './demo-device-calendar';
import { DevicePlan, type PlannedDevice } from './demo-device-plan';
import type { Rng } from './generate-random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface FleetSchool {
  id: string;
  name: string;
  level: 'elementary' | 'middle' | 'high' | 'other' | null;
}
export interface FleetStudent {
  id: string;
  name: string;
  grade: number;
  schoolId: string | null;
}
export interface FleetRoster {
  schools: FleetSchool[];
  students: FleetStudent[];
  staff: { id: string; schoolId: string | null }[];
  /** Each student's guardians, the first one first. */
  guardians: Map<string, { id: string; name: string }[]>;
  /** Kindergarten to grade 2 homerooms: each has a Chromebook cart. */
  homerooms: { schoolId: string; grade: number; room: string; students: number }[];
  /** Students whose accounts sign in to the demo (the student, the parent's children): they always hold a device. */
  featured: Set<string>;
  featuredGuardian: string | null;
}

export interface HoldRow {
  person_id: string;
  reason: string;
  amount: string;
  created_at: string;
  created_by: string;
  released_at: string | null;
  released_by: string | null;
  release_reason: string | null;
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Plans the demo district's 1:1 fleet and everything that happened to it: devices bought in yearly
 * cohorts, last year's distribution and June collection, this August's distribution, then this
 * year's breakages, repairs, loaners, losses and thefts; teacher laptops, elementary carts,
 * hotspots, retired and recycled devices; signed use agreements and fee holds.
 */
export function planFleet(
  rng: Rng,
  o: { roster: FleetRoster; modelIds: Record<ModelKey, string>; now: number; actor: { accountId: string | null; label: string } },
) {
  const { roster, now } = o;
  const calendar = createDemoCalendar(rng, { now, schoolIds: roster.schools.map((s) => s.id) });
  const { schoolYear: Y, at, adopted, lastDistribution, distribution, staffWeek, cartDay, collection, thisYear } = calendar;
  const plan = new DevicePlan(o.actor, now);
  const holds: (HoldRow & { device?: PlannedDevice })[] = [];
  const serials = new Set<string>();
  const adoptionFile = `lakeside-inventory-${Y - 1}.csv`;
  const schoolIndex = new Map(roster.schools.map((s, i) => [s.id, i]));
  const levelOf = new Map(roster.schools.map((s) => [s.id, s.level]));
  const newSerial = (model: ModelKey) => {
    let serial = demoModels[model].serial(rng);
    while (serials.has(serial)) serial = demoModels[model].serial(rng);
    serials.add(serial);
    return serial;
  };
  const add = (
    cohort: CohortKey,
    schoolId: string | null,
    group: number,
    location: string | null,
    status: 'in_stock' | 'retired' = 'in_stock',
  ) => {
    const c = cohorts[cohort];
    const year = Y - c.yearsAgo;
    const [m, d] = c.ordered.split('-').map(Number) as [number, number];
    const device = plan.add({
      cohort,
      serial: newSerial(c.model),
      modelId: o.modelIds[c.model],
      schoolId,
      location,
      purchaseDate: `${year}-${c.ordered}`,
      warrantyEnd: dateOf(Date.UTC(year + c.warrantyYears, m - 1, d - 1)),
      order: [schoolId ? (schoolIndex.get(schoolId) ?? 0) : -1, group, rng.next()],
    });
    const received = Date.UTC(year, m - 1, d + 24, 15);
    if (received < adopted) plan.imported(device, adopted, adoptionFile, status);
    else plan.imported(device, received, c.file, status);
    return device;
  };

  // ---- stock: each school's loaner cart (older devices) and spare shelf (this summer's order) ----
  const loaners = new Map<string, PlannedDevice[]>();
  const loanersOut = new Map<string, number>();
  const oneToOne = roster.students.filter(
    (s) => s.schoolId && (roster.featured.has(s.id) || levelOf.get(s.schoolId) !== 'elementary' || s.grade >= 3),
  );
  for (const school of roster.schools) {
    const pool: CohortKey = school.level === 'high' ? 'c2021' : school.level === 'middle' ? 'c2022' : 'c2023';
    const n = school.level === 'high' ? 6 : school.level === 'middle' ? 5 : 3;
    loaners.set(
      school.id,
      Array.from({ length: n }, () => add(pool, school.id, 3, 'Front office loaner cart')),
    );
    const students = oneToOne.filter((s) => s.schoolId === school.id).length;
    for (let i = Math.max(4, Math.round(students * 0.03)); i > 0; i--) add('c2026', school.id, 2, 'Media center spare shelf');
  }

  // ---- students' own Chromebooks ----
  const cohortFor = (level: FleetSchool['level'], grade: number): CohortKey => {
    if (level === 'high')
      return rng.weighted([
        ['c2021', 35],
        ['c2022', 35],
        ['c2024', 30],
      ]);
    if (level === 'middle')
      return rng.weighted([
        ['c2022', 20],
        ['c2024', 35],
        ['c2025', 45],
      ]);
    return grade <= 3
      ? 'c2026'
      : rng.weighted([
          ['c2023', 70],
          ['c2025', 30],
        ]);
  };
  const firstGrade = { elementary: 3, middle: 6, high: 9 } as Record<string, number>;
  const holding = new Map<string, FleetStudent[]>();
  // What happens to students' devices this year, in shares of a real district's year (at least
  // one of each, so even a small demo shows them); the demo's own accounts keep theirs.
  const fates = new Map<string, string>();
  const candidates = rng.shuffle(oneToOne.filter((s) => !roster.featured.has(s.id)).map((s) => s.id));
  let next = 0;
  for (const [fate, share] of [
    ['repair', 0.019],
    ['unrepairable', 0.003],
    ['repaired', 0.028],
    ['lost', 0.007],
    ['stolen', 0.003],
  ] as const) {
    for (let i = Math.max(1, Math.round(candidates.length * share)); i > 0 && next < candidates.length; i--) {
      fates.set(candidates[next++]!, fate);
    }
  }
  let lostCount = 0;
  const returning = new Set<string>();
  for (const s of oneToOne) {
    const schoolId = s.schoolId!;
    const level = levelOf.get(schoolId) ?? null;
    const featured = roster.featured.has(s.id);
    const cohort = cohortFor(level, s.grade);
    const device = add(cohort, schoolId, 0, null);
    const charger = ['charger'];
    let overrideReason: string | undefined;
    if (s.grade !== firstGrade[level ?? ''] && cohorts[cohort].yearsAgo >= 1 && (featured || rng.chance(0.92))) {
      returning.add(s.id);
      plan.checkout(device, lastDistribution(schoolId), {
        type: 'student',
        personId: s.id,
        accessories: charger,
        condition: cohorts[cohort].yearsAgo === 1 ? 'new' : 'good',
      });
      const lostCharger = !featured && rng.chance(0.015);
      const back = collection(schoolId);
      plan.checkin(
        device,
        back,
        rng.weighted([
          ['good', 75],
          ['fair', 20],
          ['poor', 5],
        ]),
        lostCharger ? [] : charger,
      );
      if (lostCharger) {
        const paid = rng.chance(0.55);
        holds.push({
          person_id: s.id,
          reason: `Charger not returned at the end of ${schoolYearLabel(Y - 1)}`,
          amount: '35.00',
          created_at: iso(back + DAY),
          created_by: o.actor.label,
          released_at: paid ? iso(at(Y, `08-0${rng.int(3, 9)}`, 16)) : null,
          released_by: paid ? o.actor.label : null,
          release_reason: paid ? 'Paid at the front office' : null,
        });
        if (!paid) overrideReason = 'Family is paying the charger fee in installments';
      }
    }
    plan.checkout(device, distribution(schoolId), {
      type: 'student',
      personId: s.id,
      accessories: charger,
      condition: cohorts[cohort].yearsAgo === 0 ? 'new' : 'good',
      ...(overrideReason ? { holdOverrideReason: overrideReason } : {}),
    });
    const fate = fates.get(s.id);
    if (fate === 'repair' || fate === 'unrepairable') {
      const broke = thisYear();
      plan.checkin(device, broke, 'damaged', charger, rng.pick(repairs)[0]);
      device.row.location = 'Tech office repair bench';
      const out = loanersOut.get(schoolId) ?? 0;
      if (fate === 'unrepairable') {
        plan.changeStatus(device, Math.min(broke + rng.int(2, 8) * DAY, now - HOUR), 'retired', 'Beyond economical repair: kept for parts');
        Object.assign(device.row, { school_id: null, location: 'District warehouse' });
      } else if (!overrideReason && (out === 0 || (out === 1 && rng.chance(0.5)))) {
        const loaner = loaners.get(schoolId)?.pop();
        if (loaner) {
          loanersOut.set(schoolId, (loanersOut.get(schoolId) ?? 0) + 1);
          plan.checkout(loaner, broke + 10 * 60_000, {
            kind: 'loaner',
            type: 'student',
            personId: s.id,
            accessories: charger,
            condition: 'good',
            dueOn: dateOf(broke + 14 * DAY),
          });
          loaner.row.location = null;
        }
      }
    } else if (fate === 'repaired') {
      const broke = thisYear(10);
      const [problem, fix] = rng.pick(repairs);
      plan.checkin(device, broke, 'damaged', charger, problem);
      const fixed = broke + rng.int(2, 7) * DAY;
      plan.changeStatus(device, fixed, 'in_stock', fix);
      plan.checkout(device, fixed + rng.int(1, 2) * DAY, { type: 'student', personId: s.id, accessories: charger, condition: 'good' });
    } else if (fate === 'lost') {
      const lost = thisYear();
      plan.changeStatus(device, lost, 'lost', rng.pick(lostNotes));
      device.row.location = null;
      // Most families are charged for a lost device; a first loss is sometimes forgiven.
      if (lostCount++ % 5 < 3) {
        holds.push({
          person_id: s.id,
          device,
          reason: '',
          amount: demoModels[cohorts[cohort].model].replacementPrice,
          created_at: iso(Math.min(lost + DAY, now - HOUR)),
          created_by: o.actor.label,
          released_at: null,
          released_by: null,
          release_reason: null,
        });
      }
    } else if (fate === 'stolen') {
      plan.changeStatus(device, thisYear(), 'stolen', rng.pick(stolenNotes)(rng.int(10_000, 99_999)));
      device.row.location = null;
    }
    if (device.row.status === 'assigned') holding.set(schoolId, [...(holding.get(schoolId) ?? []), s]);
  }

  // ---- hotspots for families without internet at home, lent for the school year ----
  for (const school of roster.schools) {
    const students = rng.shuffle([...(holding.get(school.id) ?? [])]);
    const n = school.level === 'elementary' ? 2 : Math.max(3, Math.round(students.length * 0.012));
    for (let i = 0; i < n; i++) {
      const hotspot = add('h2021', school.id, 4, 'Front office');
      const s = rng.chance(0.7) ? students.pop() : undefined;
      if (!s) continue;
      plan.checkout(hotspot, thisYear(), {
        type: 'student',
        personId: s.id,
        accessories: ['charger', 'USB-C cable'],
        condition: 'good',
        dueOn: `${Y + 1}-06-04`,
      });
      hotspot.row.location = null;
    }
  }

  // ---- K-2 carts: one per homeroom, in the classroom; about a third still on the 2020 order, past AUE ----
  for (const h of roster.homerooms) {
    const cohort: CohortKey = rng.chance(0.35) ? 'c2020' : 'c2023';
    const label = `${h.grade === 0 ? 'Kindergarten' : `Grade ${h.grade}`} cart, ${h.room}`;
    for (let i = Math.max(10, h.students + 2); i > 0; i--) {
      const device = add(cohort, h.schoolId, 1, h.room);
      plan.checkout(device, cartDay(h.schoolId), { type: 'cart', label, accessories: [], condition: 'good' });
      if (rng.chance(0.01)) plan.checkin(device, thisYear(), 'damaged', [], rng.pick(repairs)[0]);
    }
  }

  // ---- staff laptops, and a few spares at the technology office ----
  for (const p of roster.staff) {
    const cohort: CohortKey = rng.chance(0.6) ? 'l2022' : 'l2025';
    const device = add(cohort, p.schoolId, 1, p.schoolId ? null : 'District office');
    plan.checkout(device, staffWeek(p.schoolId), {
      type: 'staff',
      personId: p.id,
      accessories: ['charger'],
      condition: cohort === 'l2025' ? 'new' : 'good',
    });
  }
  for (let i = 0; i < 3; i++) add('l2025', null, 2, 'Technology office');

  // ---- the end of the 2020 order: recycled the autumn DistrictOps arrived, or retired this June ----
  for (let i = Math.round(oneToOne.length * 0.05); i > 0; i--) {
    const device = add('c2020', null, 9, null, 'retired');
    plan.changeStatus(
      device,
      at(Y - 1, '10-14', 16) + i * 20_000,
      'ewaste',
      `Collected by Green Circuit Recycling, certificate CD-${Y - 1}-0417`,
    );
  }
  for (let i = Math.round(oneToOne.length * 0.03); i > 0; i--) {
    const device = add('c2020', null, 8, 'District warehouse, awaiting e-waste pickup');
    plan.changeStatus(
      device,
      at(Y, '06-22', 16) + i * 20_000,
      'retired',
      'Past its auto-update expiration: retired at the end of the year',
    );
  }

  plan.numberTags('LS-');
  for (const h of holds) {
    if (h.device) h.reason = `Lost Chromebook ${h.device.row.asset_tag}: replacement cost`;
    delete h.device;
  }

  const agreements = signAgreements(rng, {
    roster,
    calendar,
    oneToOne: new Set(oneToOne.map((s) => s.id)),
    returning,
    actorLabel: o.actor.label,
  });
  return { plan, agreements, holds: holds as HoldRow[], schoolYear: Y };
}
