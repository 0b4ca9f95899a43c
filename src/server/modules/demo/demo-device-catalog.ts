import { randomUUID } from 'node:crypto';
import { demoModels, type ModelKey } from './demo-device-models';

export type PartType = 'screen' | 'keyboard' | 'hinge' | 'battery' | 'charger' | 'unit';

interface ModelParts {
  code: string;
  /** Cost of each part to the district; the unit is the model's replacement price. */
  cost: Record<Exclude<PartType, 'unit'>, string>;
  /** What the district charges a family for the part (screens, keyboards, hinges, chargers; batteries wear out and are not charged). */
  fee: Partial<Record<PartType, string>>;
  touch?: boolean;
}

// The Chromebooks the demo district runs, with the parts its technicians keep for them.
const modelParts: Partial<Record<ModelKey, ModelParts>> = {
  'lenovo-100e': {
    code: 'L100E',
    cost: { screen: '46.00', keyboard: '52.00', hinge: '14.50', battery: '41.00', charger: '21.99' },
    fee: { screen: '45.00', keyboard: '50.00', hinge: '15.00', charger: '35.00' },
  },
  'dell-3100': {
    code: 'D3100',
    cost: { screen: '49.00', keyboard: '58.00', hinge: '16.00', battery: '44.00', charger: '22.50' },
    fee: { screen: '50.00', keyboard: '50.00', hinge: '15.00', charger: '35.00' },
  },
  'hp-g9': {
    code: 'HP11G9',
    cost: { screen: '52.00', keyboard: '61.00', hinge: '17.50', battery: '46.00', charger: '22.50' },
    fee: { screen: '50.00', keyboard: '50.00', hinge: '15.00', charger: '35.00' },
  },
  'lenovo-300e': {
    code: 'L300E',
    touch: true,
    cost: { screen: '118.00', keyboard: '64.00', hinge: '19.00', battery: '49.00', charger: '24.00' },
    fee: { screen: '110.00', keyboard: '60.00', hinge: '15.00', charger: '35.00' },
  },
  'dell-3110': {
    code: 'D3110',
    cost: { screen: '54.00', keyboard: '59.00', hinge: '16.50', battery: '47.00', charger: '22.50' },
    fee: { screen: '55.00', keyboard: '50.00', hinge: '15.00', charger: '35.00' },
  },
  'acer-511': {
    code: 'A511',
    cost: { screen: '57.00', keyboard: '63.00', hinge: '18.00', battery: '48.00', charger: '23.00' },
    fee: { screen: '55.00', keyboard: '50.00', hinge: '15.00', charger: '35.00' },
  },
};

/** `fee` and `feeEs`: the price list's name for the part, in English and in Spanish. */
const partNames: Record<PartType, { name: (touch: boolean) => string; sku: string; reorder: number; fee: string; feeEs: string }> = {
  screen: {
    name: (t) => (t ? '11.6" touch screen assembly' : '11.6" HD LCD panel'),
    sku: 'LCD',
    reorder: 2,
    fee: 'Screen',
    feeEs: 'Pantalla',
  },
  keyboard: { name: () => 'Keyboard and palm rest assembly', sku: 'KB', reorder: 2, fee: 'Keyboard', feeEs: 'Teclado' },
  hinge: { name: () => 'Hinge kit (left and right)', sku: 'HNG', reorder: 1, fee: 'Hinge', feeEs: 'Bisagra' },
  battery: { name: () => 'Battery, 3-cell', sku: 'BAT', reorder: 1, fee: 'Battery', feeEs: 'Batería' },
  charger: { name: () => '45 W USB-C charger', sku: 'CHG', reorder: 3, fee: 'Charger', feeEs: 'Cargador' },
  unit: {
    name: () => 'Whole-unit replacement',
    sku: 'UNIT',
    reorder: 0,
    fee: 'Lost or destroyed device',
    feeEs: 'Dispositivo perdido o destruido',
  },
};

export interface PartRow {
  id: string;
  name: string;
  sku: string;
  cost: string;
  model_id: string;
  reorder_level: number;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface PriceRow {
  id: string;
  name: string;
  name_es: string;
  damage_kind: 'accidental' | 'intentional' | null;
  part_id: string | null;
  amount: string;
  free_per_year: number;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface Catalog {
  parts: PartRow[];
  prices: PriceRow[];
  part: (model: ModelKey, type: PartType) => PartRow | undefined;
  /** The price charged for a part, if the price list has one. */
  priceOfPart: Map<string, PriceRow>;
  priceOfKind: Map<string, PriceRow>;
  typeOf: Map<string, PartType>;
  modelOf: Map<string, ModelKey>;
}

/**
 * The parts catalog (per Chromebook model: screen, keyboard, hinges, battery, charger, and the
 * whole unit a lost device is charged at) and the district's fee price list: accidental damage
 * with the first repair each school year free, intentional damage, and a price per part.
 */
export function buildCatalog(modelIds: Map<ModelKey, string>, createdAt: string): Catalog {
  const parts: PartRow[] = [];
  const prices: PriceRow[] = [];
  const byKey = new Map<string, PartRow>();
  const typeOf = new Map<string, PartType>();
  const modelOf = new Map<string, ModelKey>();
  const priceOfPart = new Map<string, PriceRow>();
  const price = (
    [name, nameEs]: [string, string],
    amount: string,
    o: { kind?: 'accidental' | 'intentional'; partId?: string; free?: number },
  ) => {
    const row: PriceRow = {
      id: randomUUID(),
      name,
      name_es: nameEs,
      damage_kind: o.kind ?? null,
      part_id: o.partId ?? null,
      amount,
      free_per_year: o.free ?? 0,
      active: true,
      created_at: createdAt,
      updated_at: createdAt,
    };
    prices.push(row);
    return row;
  };
  const accidental = price(['Accidental damage', 'Daño accidental'], '25.00', { kind: 'accidental', free: 1 });
  const intentional = price(['Intentional damage or misuse', 'Daño intencional o mal uso'], '50.00', { kind: 'intentional' });
  for (const [key, m] of Object.entries(modelParts) as [ModelKey, ModelParts][]) {
    const modelId = modelIds.get(key);
    if (!modelId) continue;
    const model = demoModels[key];
    for (const type of Object.keys(partNames) as PartType[]) {
      const p = partNames[type];
      const row: PartRow = {
        id: randomUUID(),
        name: `${p.name(m.touch === true)}, ${model.manufacturer} ${model.name}`,
        sku: `${m.code}-${p.sku}`,
        cost: type === 'unit' ? model.replacementPrice : m.cost[type],
        model_id: modelId,
        reorder_level: p.reorder,
        active: true,
        created_at: createdAt,
        updated_at: createdAt,
      };
      parts.push(row);
      byKey.set(`${key} ${type}`, row);
      typeOf.set(row.id, type);
      modelOf.set(row.id, key);
      const fee = type === 'unit' ? model.replacementPrice : m.fee[type];
      if (fee) priceOfPart.set(row.id, price([`${p.fee}, ${model.name}`, `${p.feeEs}, ${model.name}`], fee, { partId: row.id }));
    }
  }
  return {
    parts,
    prices,
    part: (model, type) => byKey.get(`${model} ${type}`),
    priceOfPart,
    priceOfKind: new Map([
      ['accidental', accidental],
      ['intentional', intentional],
    ]),
    typeOf,
    modelOf,
  };
}

/** How many of a part a site keeps, by how many of the model it looks after. */
const keeps: Record<Exclude<PartType, 'unit'>, number> = { screen: 120, keyboard: 220, hinge: 300, battery: 350, charger: 60 };

/**
 * Stock per site: each school keeps parts for the models it has (the depot for all), sized to its
 * fleet; a part used beyond a school's shelf came from the depot. The quantity left is what was
 * stocked less what the repairs used, so some sites are at or below the reorder level.
 */
export class StockBook {
  private readonly stocked = new Map<string, number>();
  private readonly used = new Map<string, number>();

  constructor(catalog: Catalog, fleet: { schoolId: string | null; model: ModelKey | null }[]) {
    const counts = new Map<string, number>();
    for (const d of fleet)
      if (d.model) counts.set(`${d.model} ${d.schoolId ?? ''}`, (counts.get(`${d.model} ${d.schoolId ?? ''}`) ?? 0) + 1);
    const totals = new Map<ModelKey, number>();
    for (const d of fleet) if (d.model) totals.set(d.model, (totals.get(d.model) ?? 0) + 1);
    for (const part of catalog.parts) {
      const type = catalog.typeOf.get(part.id)!;
      if (type === 'unit') continue;
      const model = catalog.modelOf.get(part.id)!;
      for (const [key, n] of counts) {
        const [m, school] = key.split(' ') as [ModelKey, string];
        if (m !== model || !school || n < 20) continue;
        this.stocked.set(`${part.id} ${school}`, part.reorder_level + Math.ceil(n / keeps[type]) + 3);
      }
      this.stocked.set(`${part.id} `, part.reorder_level + Math.ceil((totals.get(model) ?? 0) / keeps[type] / 2) + 6);
    }
  }

  /** Takes one part for a repair at a school: from its shelf while it has some, else from the depot (restocked when empty). */
  take(partId: string, schoolId: string | null): string | null {
    const left = (site: string) => (this.stocked.get(`${partId} ${site}`) ?? 0) - (this.used.get(`${partId} ${site}`) ?? 0);
    const site = schoolId && left(schoolId) > 0 ? schoolId : '';
    if (site === '' && left('') <= 0) this.stocked.set(`${partId} `, (this.stocked.get(`${partId} `) ?? 0) + 10);
    this.used.set(`${partId} ${site}`, (this.used.get(`${partId} ${site}`) ?? 0) + 1);
    return site === '' ? null : site;
  }

  rows(updatedAt: string): { part_id: string; school_id: string | null; quantity: number; updated_at: string }[] {
    return [...this.stocked].map(([key, n]) => {
      const [partId, school] = key.split(' ') as [string, string];
      return { part_id: partId, school_id: school || null, quantity: n - (this.used.get(key) ?? 0), updated_at: updatedAt };
    });
  }
}
