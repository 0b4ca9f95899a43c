/** The fields a device CSV may carry. */
export const importFields = [
  'assetTag',
  'serial',
  'model',
  'manufacturer',
  'category',
  'status',
  'school',
  'location',
  'purchaseDate',
  'cost',
  'fundingSource',
  'warrantyEnd',
  'aueDate',
  'notes',
  'macAddress',
] as const;
export type ImportField = (typeof importFields)[number];

/**
 * Headers districts' spreadsheets and asset systems use, compared without case, spaces or
 * punctuation ("Asset Tag", "asset_tag" and "ASSET-TAG" are one header).
 */
export const deviceHeaderAliases: Record<ImportField, string[]> = {
  assetTag: [
    'assettag',
    'tag',
    'asset',
    'assetid',
    'assetnumber',
    'assetno',
    'tagnumber',
    'inventorytag',
    'propertytag',
    'annotatedassetid',
  ],
  serial: ['serial', 'serialnumber', 'serialno', 'sn', 'serialnum'],
  model: ['model', 'modelname', 'devicemodel'],
  manufacturer: ['manufacturer', 'make', 'brand', 'mfr'],
  category: ['category', 'type', 'devicetype', 'devicecategory'],
  status: ['status', 'devicestatus'],
  school: ['school', 'schoolname', 'site', 'building', 'campus', 'schoolid', 'schoolsourcedid'],
  location: ['location', 'room', 'storagelocation'],
  purchaseDate: ['purchasedate', 'purchased', 'purchasedon', 'dateofpurchase', 'acquired', 'acquisitiondate'],
  cost: ['cost', 'price', 'purchaseprice', 'unitcost', 'purchasecost'],
  fundingSource: ['fundingsource', 'funding', 'fund', 'fundsource'],
  warrantyEnd: ['warrantyend', 'warrantyenddate', 'warrantyexpiration', 'warrantyexpirationdate', 'warrantyexpires', 'warranty'],
  aueDate: ['aue', 'auedate', 'autoupdateexpiration', 'autoupdatethrough', 'aueexpiration'],
  notes: ['notes', 'note', 'comments', 'comment'],
  macAddress: ['macaddress', 'mac', 'wifimac', 'wifimacaddress'],
};

/** A header → field lookup from a field → aliases map (headers compared as normaliseHeader leaves them). */
export function aliasLookup<F extends string>(aliases: Record<F, string[]>): (header: string) => F | undefined {
  const byAlias = new Map((Object.entries(aliases) as [F, string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)));
  return (header) => byAlias.get(normaliseHeader(header));
}

const fieldOf = aliasLookup(deviceHeaderAliases);

export const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** What one header column holds: a known field, a custom field ("custom:Insurance"), or nothing we import. */
export type HeaderMeaning = { kind: 'field'; field: ImportField } | { kind: 'custom'; name: string } | { kind: 'unknown' };

export function headerMeaning(header: string): HeaderMeaning {
  const custom = /^\s*custom\s*[:.]\s*(.+?)\s*$/i.exec(header);
  if (custom) return { kind: 'custom', name: custom[1]! };
  const field = fieldOf(header);
  return field ? { kind: 'field', field } : { kind: 'unknown' };
}
