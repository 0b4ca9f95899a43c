import { demoModels, type ModelKey } from './demo-device-models';
import type { PartType } from './demo-device-catalog';
import type { Rng } from './generate-random';

export type RepairKind = 'warranty' | 'accidental' | 'intentional' | 'other';

interface Problem {
  /** The part an in-house repair fits (none: the fix needs no catalog part, or a vendor does it). */
  part: PartType | null;
  /** A fault, not damage: the maker's warranty covers it while it lasts, else a repair shop. */
  defect?: boolean;
  kinds: readonly (readonly [RepairKind, number])[];
  accidental: readonly string[];
  fix: string;
}

/** The faults the demo's check-in notes name (`repairs` in demo-device-models), as a technician sorts them. */
const problems: Record<string, Problem> = {
  'Cracked screen': {
    part: 'screen',
    kinds: [
      ['accidental', 80],
      ['intentional', 20],
    ],
    accidental: ['dropped in the hallway', 'fell off a desk in class', 'crushed in a backpack', 'closed on a pencil'],
    fix: 'Screen replaced',
  },
  'Keyboard: several keys missing': {
    part: 'keyboard',
    kinds: [
      ['accidental', 55],
      ['intentional', 45],
    ],
    accidental: ['keys caught on a backpack zipper', 'keys came off in a locker'],
    fix: 'Keyboard replaced',
  },
  'Liquid spill on the keyboard': {
    part: 'keyboard',
    kinds: [['accidental', 100]],
    accidental: ['water bottle leaked in the backpack', 'juice spilled at lunch'],
    fix: 'Top cover and keyboard replaced',
  },
  'Broken hinge': {
    part: 'hinge',
    kinds: [
      ['accidental', 85],
      ['intentional', 15],
    ],
    accidental: ['dropped while open', 'lid forced back too far'],
    fix: 'Hinge replaced',
  },
  'Does not charge': { part: 'battery', defect: true, kinds: [], accidental: [], fix: 'Battery replaced' },
  'Trackpad does not click': { part: null, defect: true, kinds: [], accidental: [], fix: 'Trackpad replaced' },
  'Will not power on': { part: null, defect: true, kinds: [], accidental: [], fix: 'Motherboard replaced' },
  'Camera not detected': { part: null, kinds: [['other', 100]], accidental: [], fix: 'Camera cable reseated and tested' },
};

export const damageProblems = ['Cracked screen', 'Keyboard: several keys missing', 'Liquid spill on the keyboard', 'Broken hinge'];

const intentional = [
  'the teacher reported it as deliberate',
  'damage looks deliberate: pressure marks from a fist',
  'keys pried off on purpose',
  'bent back on purpose in class',
];

const depot: Record<string, string> = {
  Lenovo: 'Lenovo Depot Repair',
  Dell: 'Dell Mail-In Service',
  HP: 'HP Depot Repair',
  Acer: 'Acer Care Center',
};
const repairShop = 'North Star Device Repair';

export interface Classified {
  kind: RepairKind;
  description: string;
  part: PartType | null;
  vendor: string | null;
  labor: string;
  fix: string;
}

/**
 * What a technician makes of a fault: damage is accidental or intentional and fixed in-house with
 * a part; a defect goes to the maker under warranty (when the device is covered), else the
 * district fixes it or sends it to a repair shop at its own cost ('other').
 */
export function classifyRepair(
  rng: Rng,
  o: { problem: string; model: ModelKey | null; warrantyEnd: string | null; openedAt: number; underWarranty?: boolean },
): Classified {
  const p = problems[o.problem] ?? problems['Camera not detected']!;
  const maker = o.model ? demoModels[o.model].manufacturer : '';
  if (p.defect) {
    const covered = o.underWarranty ?? (o.warrantyEnd !== null && o.warrantyEnd >= new Date(o.openedAt).toISOString().slice(0, 10));
    if (covered) {
      return {
        kind: 'warranty',
        description: `${o.problem}: no sign of damage`,
        part: null,
        vendor: depot[maker] ?? repairShop,
        labor: '0.00',
        fix: `${p.fix} under warranty`,
      };
    }
    const inHouse = p.part !== null;
    return {
      kind: 'other',
      description: `${o.problem}: out of warranty`,
      part: p.part,
      vendor: inHouse ? null : repairShop,
      labor: inHouse ? '0.00' : rng.pick(['65.00', '85.00', '95.00']),
      fix: p.fix,
    };
  }
  const kind = rng.weighted(p.kinds);
  const why = kind === 'intentional' ? rng.pick(intentional) : kind === 'other' ? 'no sign of damage' : rng.pick(p.accidental);
  return { kind, description: `${o.problem}: ${why}`, part: p.part, vendor: null, labor: '0.00', fix: p.fix };
}
