import type { Rng } from './generate-random';

/** What the demo district bought, and when: every date is counted back from the current school year. */
export type ModelKey =
  'lenovo-100e' | 'dell-3100' | 'franklin-t10' | 'hp-g9' | 'latitude-3420' | 'lenovo-300e' | 'dell-3110' | 'latitude-3450' | 'acer-511';

export interface DemoModel {
  manufacturer: string;
  name: string;
  category: 'chromebook' | 'laptop' | 'hotspot';
  expectedLifeYears: number;
  replacementPrice: string;
  /** Auto-update expiration: 1 June of the school year's start year plus this many years (null: not a Chromebook). */
  aueInYears: number | null;
  serial: (rng: Rng) => string;
}

const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = '0123456789';
const alnum = upper + digits;
const chars = (rng: Rng, set: string, n: number) => Array.from({ length: n }, () => set[rng.int(0, set.length - 1)]).join('');

// Serials look like each maker's: Lenovo's 8 characters, Dell's 7-character service tag, HP's
// 10 (plant, year, week), Acer's 22-character SNID-bearing serial, a hotspot's IMEI-like number.
const lenovo = (rng: Rng) => `PF${chars(rng, alnum, 6)}`;
const dell = (rng: Rng) => chars(rng, alnum, 7);
const hp = (rng: Rng) => `5CD${rng.int(0, 9)}${String(rng.int(10, 52))}${chars(rng, alnum, 4)}`;
const acer = (rng: Rng) => `NX${chars(rng, upper, 4)}AA00${chars(rng, digits, 8)}7600`;
const franklin = (rng: Rng) => `35${chars(rng, digits, 13)}`;

export const demoModels: Record<ModelKey, DemoModel> = {
  'lenovo-100e': {
    manufacturer: 'Lenovo',
    name: '100e Chromebook Gen 2',
    category: 'chromebook',
    expectedLifeYears: 4,
    replacementPrice: '259.00',
    aueInYears: -1,
    serial: lenovo,
  },
  'dell-3100': {
    manufacturer: 'Dell',
    name: 'Chromebook 3100',
    category: 'chromebook',
    expectedLifeYears: 4,
    replacementPrice: '299.00',
    aueInYears: 0,
    serial: dell,
  },
  'franklin-t10': {
    manufacturer: 'Franklin Wireless',
    name: 'T10 Mobile Hotspot',
    category: 'hotspot',
    expectedLifeYears: 3,
    replacementPrice: '129.00',
    aueInYears: null,
    serial: franklin,
  },
  'hp-g9': {
    manufacturer: 'HP',
    name: 'Chromebook 11 G9 EE',
    category: 'chromebook',
    expectedLifeYears: 4,
    replacementPrice: '309.00',
    aueInYears: 3,
    serial: hp,
  },
  'latitude-3420': {
    manufacturer: 'Dell',
    name: 'Latitude 3420',
    category: 'laptop',
    expectedLifeYears: 5,
    replacementPrice: '899.00',
    aueInYears: null,
    serial: dell,
  },
  'lenovo-300e': {
    manufacturer: 'Lenovo',
    name: '300e Yoga Chromebook Gen 4',
    category: 'chromebook',
    expectedLifeYears: 5,
    replacementPrice: '429.00',
    aueInYears: 5,
    serial: lenovo,
  },
  'dell-3110': {
    manufacturer: 'Dell',
    name: 'Chromebook 3110',
    category: 'chromebook',
    expectedLifeYears: 4,
    replacementPrice: '329.00',
    aueInYears: 6,
    serial: dell,
  },
  'latitude-3450': {
    manufacturer: 'Dell',
    name: 'Latitude 3450',
    category: 'laptop',
    expectedLifeYears: 5,
    replacementPrice: '899.00',
    aueInYears: null,
    serial: dell,
  },
  'acer-511': {
    manufacturer: 'Acer',
    name: 'Chromebook 511 (C736)',
    category: 'chromebook',
    expectedLifeYears: 4,
    replacementPrice: '349.00',
    aueInYears: 7,
    serial: acer,
  },
};

export type FundingSource = 'general_fund' | 'esser' | 'e_rate' | 'grant' | 'bond' | 'other';

/** One purchase order: a model bought in one summer, at one price, from one fund. */
export interface Cohort {
  model: ModelKey;
  /** School years before the current one. */
  yearsAgo: number;
  /** MM-DD of the purchase order. */
  ordered: string;
  cost: string;
  funding: FundingSource;
  warrantyYears: number;
  /** The vendor's asset file the devices arrived in (when they arrived after DistrictOps was adopted). */
  file: string;
}

export const cohorts = {
  c2020: {
    model: 'lenovo-100e',
    yearsAgo: 6,
    ordered: '05-28',
    cost: '239.00',
    funding: 'esser',
    warrantyYears: 3,
    file: 'lenovo-100e-po-20-0311.csv',
  },
  c2021: {
    model: 'dell-3100',
    yearsAgo: 5,
    ordered: '06-15',
    cost: '279.00',
    funding: 'esser',
    warrantyYears: 3,
    file: 'dell-po-21-0418.csv',
  },
  h2021: {
    model: 'franklin-t10',
    yearsAgo: 5,
    ordered: '08-02',
    cost: '99.00',
    funding: 'e_rate',
    warrantyYears: 1,
    file: 'kajeet-hotspots-ecf-2021.csv',
  },
  c2022: { model: 'hp-g9', yearsAgo: 4, ordered: '06-09', cost: '289.00', funding: 'esser', warrantyYears: 3, file: 'hp-po-22-0517.csv' },
  l2022: {
    model: 'latitude-3420',
    yearsAgo: 4,
    ordered: '07-11',
    cost: '829.00',
    funding: 'esser',
    warrantyYears: 4,
    file: 'dell-staff-po-22-0602.csv',
  },
  c2023: {
    model: 'lenovo-300e',
    yearsAgo: 3,
    ordered: '05-30',
    cost: '399.00',
    funding: 'esser',
    warrantyYears: 3,
    file: 'lenovo-po-23-0229.csv',
  },
  c2024: {
    model: 'dell-3110',
    yearsAgo: 2,
    ordered: '06-18',
    cost: '305.00',
    funding: 'general_fund',
    warrantyYears: 3,
    file: 'dell-po-24-0733.csv',
  },
  l2025: {
    model: 'latitude-3450',
    yearsAgo: 1,
    ordered: '06-24',
    cost: '869.00',
    funding: 'general_fund',
    warrantyYears: 4,
    file: 'dell-staff-po-25-0815.csv',
  },
  c2025: {
    model: 'acer-511',
    yearsAgo: 1,
    ordered: '06-03',
    cost: '319.00',
    funding: 'bond',
    warrantyYears: 3,
    file: 'acer-po-25-0660.csv',
  },
  c2026: {
    model: 'acer-511',
    yearsAgo: 0,
    ordered: '06-08',
    cost: '329.00',
    funding: 'general_fund',
    warrantyYears: 3,
    file: 'acer-po-26-0712.csv',
  },
} satisfies Record<string, Cohort>;

export type CohortKey = keyof typeof cohorts;

/** What breaks on a student's Chromebook, as a technician writes it at check-in, and how it was fixed. */
export const repairs: readonly (readonly [string, string])[] = [
  ['Cracked screen', 'Screen replaced'],
  ['Keyboard: several keys missing', 'Keyboard replaced'],
  ['Does not charge', 'Charging port replaced under warranty'],
  ['Liquid spill on the keyboard', 'Top cover and keyboard replaced'],
  ['Broken hinge', 'Hinge replaced'],
  ['Trackpad does not click', 'Trackpad replaced'],
  ['Will not power on', 'Motherboard replaced under warranty'],
  ['Camera not detected', 'Camera cable reseated and tested'],
];

export const lostNotes = [
  'Reported lost by the family',
  'Left on the school bus; not turned in',
  'Lost during a field trip',
  'Not returned after the student moved away',
];

export const stolenNotes = [
  (n: number) => `Stolen from a car; police report #${n}`,
  () => 'Stolen from an unlocked locker; reported to the school resource officer',
  (n: number) => `Taken in a home break-in; police report #${n}`,
];
