/**
 * A generated Google Admin Chrome devices export, as the Directory API lists it (pages of
 * `chromeosdevices`) or as the Admin console's CSV download writes it, and the same fleet a week
 * later: most devices synced again (newer lastSync, some a newer Chrome OS), some not (they drift
 * into "stale"), a few new ones enrolled, a few handed to another student in Google only (a
 * conflict with our assignment) and a few with a mistyped asset ID (a tag conflict).
 */
import { stringify } from 'csv-stringify/sync';
import { createRng, type Rng } from '../src/server/modules/demo/generate-random';

export interface ChromeDevice {
  deviceId: string;
  serialNumber: string;
  annotatedAssetId: string;
  annotatedUser: string;
  orgUnitPath: string;
  status: string;
  lastSync: string;
  osVersion: string;
  macAddress: string;
  model: string;
  autoUpdateExpiration: string;
}

const DAY = 86_400_000;
const models = [
  { name: 'Lenovo 300e Chromebook Gen 3', aue: Date.UTC(2029, 5, 1) },
  { name: 'Dell Chromebook 3110', aue: Date.UTC(2030, 5, 1) },
  { name: 'HP Chromebook 11 G9 EE', aue: Date.UTC(2028, 5, 1) },
  { name: 'Acer Chromebook Spin 511', aue: Date.UTC(2031, 5, 1) },
];
const osVersions = ['126.0.6478.222', '127.0.6533.132', '128.0.6613.133'];

/** The student whose email each device is annotated with: device i belongs to student i + 1. */
export const studentEmail = (i: number) => `s${String(i).padStart(6, '0')}@students.bench.example.org`;

function device(rng: Rng, i: number, now: number): ChromeDevice {
  const model = models[i % models.length]!;
  const school = 1 + (i % 25);
  // Most devices synced within a few days; a long tail has not for weeks or months (stale after 30 days).
  const daysAgo = rng.chance(0.85) ? rng.next() * 10 : 10 + rng.next() * 170;
  return {
    deviceId: `d${i.toString(16).padStart(8, '0')}-bench`,
    serialNumber: `5CD${(1_000_000 + i * 7).toString(36).toUpperCase()}${String(i % 97).padStart(2, '0')}`,
    annotatedAssetId: `LUSD-${String(i + 1).padStart(6, '0')}`,
    annotatedUser: studentEmail(i + 1),
    orgUnitPath: `/Students/School ${String(school).padStart(2, '0')}/Grade ${i % 13 === 0 ? 'K' : i % 13}`,
    status: 'ACTIVE',
    lastSync: new Date(now - Math.round(daysAgo * DAY)).toISOString(),
    osVersion: osVersions[rng.int(0, 1)]!,
    macAddress: Array.from({ length: 6 }, () => rng.int(0, 255).toString(16).padStart(2, '0')).join(''),
    model: model.name,
    autoUpdateExpiration: String(model.aue),
  };
}

export function generateFleet(o: { devices: number; seed: number; now: number }): ChromeDevice[] {
  const rng = createRng(o.seed);
  return Array.from({ length: o.devices }, (_, i) => device(rng, i, o.now));
}

export interface ChangedFleet {
  devices: ChromeDevice[];
  /** Serials whose annotated user now names another student than the one holding the device. */
  userChanged: number;
  tagChanged: number;
  added: number;
}

/** The same fleet `days` later. */
export function changeFleet(fleet: ChromeDevice[], o: { seed: number; now: number; days: number }): ChangedFleet {
  const rng = createRng(o.seed + 1);
  const later = o.now + o.days * DAY;
  let userChanged = 0;
  let tagChanged = 0;
  const devices = fleet.map((d, i) => {
    const next = { ...d };
    // Three devices in four were used this week; a device already silent for a month stays silent.
    if (Date.parse(d.lastSync) > o.now - 30 * DAY && rng.chance(0.75)) {
      next.lastSync = new Date(later - Math.round(rng.next() * 3 * DAY)).toISOString();
      if (rng.chance(0.3)) next.osVersion = osVersions[2]!;
    }
    if (rng.chance(0.02)) {
      next.annotatedUser = studentEmail(((i + 17) % fleet.length) + 1);
      userChanged++;
    } else if (rng.chance(0.003)) {
      next.annotatedAssetId = `${d.annotatedAssetId}X`;
      tagChanged++;
    }
    return next;
  });
  const added = Math.max(1, Math.round(fleet.length * 0.01));
  for (let i = fleet.length; i < fleet.length + added; i++) devices.push(device(rng, i, later));
  return { devices, userChanged, tagChanged, added };
}

/** The Directory API's `chromeosdevices.list` answers, 200 devices a page, in one JSON array. */
export function toDirectoryJson(devices: ChromeDevice[]): Buffer {
  const pages = [];
  for (let i = 0; i < devices.length; i += 200) {
    pages.push({
      kind: 'admin#directory#chromeosdevices',
      etag: `"bench-${i}"`,
      chromeosdevices: devices.slice(i, i + 200).map((d) => ({ kind: 'admin#directory#chromeosdevice', etag: `"${d.deviceId}"`, ...d })),
      ...(i + 200 < devices.length ? { nextPageToken: `page-${i + 200}` } : {}),
    });
  }
  return Buffer.from(JSON.stringify(pages));
}

/** The Admin console's "Download" of the device list: its headers, its dates. */
export function toConsoleCsv(devices: ChromeDevice[]): Buffer {
  const header = [
    'Serial Number',
    'Asset ID',
    'User',
    'Org Unit Path',
    'Status',
    'Last Sync',
    'OS Version',
    'MAC Address',
    'Model',
    'Auto Update Expiration',
  ];
  const rows = devices.map((d) => [
    d.serialNumber,
    d.annotatedAssetId,
    d.annotatedUser,
    d.orgUnitPath,
    d.status,
    d.lastSync,
    d.osVersion,
    d.macAddress,
    d.model,
    new Date(Number(d.autoUpdateExpiration)).toISOString().slice(0, 7),
  ]);
  return Buffer.from(stringify([header, ...rows]));
}
