import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { Queryable } from '../../db/client';
import { insertIncident, insertIncidentUpdate } from '../systems/incidents/incident-writes';
import { deriveHealth } from '../systems/status/blast-radius';
import type { Outage } from './demo-history';

dayjs.extend(utc);
dayjs.extend(timezone);

const MINUTE = 60_000;
const IT = 'it@lakeside.example.org';

/** A school day (Monday–Friday) `daysAgo` days back or the last one before it, at a local time. */
function schoolDayAt(now: number, tz: string, daysAgo: number, hhmm: string): number {
  let day = dayjs(now).tz(tz).subtract(daysAgo, 'day');
  while (day.day() === 0 || day.day() === 6) day = day.subtract(1, 'day');
  return dayjs.tz(`${day.format('YYYY-MM-DD')} ${hhmm}`, tz).valueOf();
}

/** When the past incidents happened: their failures go into the check history too. */
export function demoOutages(now: number, tz: string): { sso: Outage; internet: Outage } {
  const sso = schoolDayAt(now, tz, 3, '07:41');
  const internet = schoolDayAt(now, tz, 23, '10:05');
  return {
    sso: { systemId: 'sso', from: sso, to: sso + 38 * MINUTE, share: 1 },
    internet: { systemId: 'internet', from: internet, to: internet + 200 * MINUTE, share: 0.35 },
  };
}

/**
 * Two resolved incidents as the product records them — one opened by the checks when sign-in
 * failed (and with it everything that signs in through it), one opened by hand for a fiber cut —
 * with public updates in English and Spanish, an internal note and a postmortem; and the coming
 * Saturday's planned upgrade of the SIS.
 */
export async function seedDemoIncidents(tx: Queryable, o: { districtId: string; now: number; timezone: string }): Promise<void> {
  const { sso, internet } = demoOutages(o.now, o.timezone);
  const at = (ms: number) => new Date(ms);

  const [systems, dependencies] = await Promise.all([
    tx.query<{ id: string }>('SELECT id FROM systems WHERE district_id = $1', [o.districtId]),
    tx.query<{ system_id: string; depends_on: string; kind: 'hard' | 'soft' }>(
      'SELECT system_id, depends_on, kind FROM system_dependencies WHERE district_id = $1',
      [o.districtId],
    ),
  ]);
  const health = deriveHealth({
    systems: systems.rows,
    dependencies: dependencies.rows,
    checks: systems.rows.map((s) => ({ system_id: s.id, state: s.id === 'sso' ? 'down' : 'up' })),
    inMaintenance: new Set(),
  });
  const impacted = [...health].filter(([, h]) => h.impactedBy.includes('sso')).map(([id]) => id);

  const signIn = await insertIncident(tx, {
    districtId: o.districtId,
    titleEn: 'Sign-in (ClassLink) is unavailable',
    titleEs: 'Inicio de sesión (ClassLink) no está disponible',
    impact: 'major_outage',
    rootSystemId: 'sso',
    automatic: true,
    startedAt: at(sso.from),
    detectedAt: at(sso.from + 2 * MINUTE),
    systemIds: ['sso', ...impacted],
    messageEn: 'We are investigating a problem with this service.',
    messageEs: 'Estamos investigando un problema con este servicio.',
    authorLabel: 'DistrictOps',
  });
  const update = (
    incidentId: string,
    u: { at: number; status?: 'identified' | 'monitoring' | 'resolved'; en?: string; es?: string; note?: string; by?: string },
  ) =>
    insertIncidentUpdate(tx, {
      districtId: o.districtId,
      incidentId,
      at: at(u.at),
      kind: u.note ? 'internal' : 'public',
      status: u.status ?? null,
      messageEn: u.en ?? null,
      messageEs: u.es ?? null,
      note: u.note ?? null,
      authorLabel: u.by ?? IT,
    });
  await update(signIn, {
    at: sso.from + 9 * MINUTE,
    note: 'ClassLink support case 01938274 opened; their status page shows a SAML incident in the central US region.',
  });
  await update(signIn, {
    at: sso.from + 17 * MINUTE,
    status: 'identified',
    en: 'ClassLink has confirmed a problem with its sign-in service. Students and staff cannot sign in to Canvas, Google or Campus; devices already signed in keep working.',
    es: 'ClassLink ha confirmado un problema con su servicio de inicio de sesión. Estudiantes y personal no pueden iniciar sesión en Canvas, Google ni Campus; los dispositivos con la sesión ya iniciada siguen funcionando.',
  });
  await update(signIn, {
    at: sso.to,
    status: 'resolved',
    en: 'The service is working normally again.',
    es: 'El servicio vuelve a funcionar con normalidad.',
    by: 'DistrictOps',
  });
  await tx.query('UPDATE incidents SET postmortem = $2 WHERE id = $1', [
    signIn,
    'ClassLink rolled out a SAML certificate change at 07:35 that their central-US servers did not load; they rolled it back at 08:17. ' +
      'Detected by our check two minutes after the first failure. First-period teachers fell back to paper; no assessments were scheduled. ' +
      'Follow-up: ask ClassLink for notice of certificate changes during the school day; add ClassLink status to the morning checklist.',
  ]);

  const fiber = await insertIncident(tx, {
    districtId: o.districtId,
    titleEn: 'Slow or no internet at three schools',
    titleEs: 'Internet lento o sin conexión en tres escuelas',
    impact: 'partial_outage',
    status: 'investigating',
    rootSystemId: 'internet',
    automatic: false,
    startedAt: at(internet.from),
    detectedAt: at(internet.from + 7 * MINUTE),
    systemIds: ['internet'],
    messageEn: 'Three schools on the north side have slow or no internet. We are investigating.',
    messageEs: 'Tres escuelas del lado norte tienen internet lento o sin conexión. Estamos investigando.',
    authorLabel: IT,
  });
  await update(fiber, {
    at: internet.from + 35 * MINUTE,
    status: 'identified',
    en: 'A construction crew cut the fiber line on County Road 12. The three schools are on the backup wireless link at reduced speed while Lumen repairs it.',
    es: 'Una cuadrilla de obras cortó la fibra en la County Road 12. Las tres escuelas usan el enlace inalámbrico de respaldo, más lento, mientras Lumen la repara.',
  });
  await update(fiber, {
    at: internet.to,
    status: 'monitoring',
    en: 'The fiber is spliced and the schools are back at full speed. We are watching the link.',
    es: 'La fibra está empalmada y las escuelas vuelven a tener la velocidad normal. Estamos vigilando el enlace.',
  });
  await update(fiber, {
    at: internet.to + 60 * MINUTE,
    status: 'resolved',
    en: 'Resolved: internet has been stable at every school for an hour.',
    es: 'Resuelto: internet lleva una hora estable en todas las escuelas.',
  });
  await tx.query('UPDATE incidents SET postmortem = $2 WHERE id = $1', [
    fiber,
    'Fiber cut by a contractor who had not called 811. The backup wireless link carried the three schools at about 200 Mbps. ' +
      'Follow-up: Lumen to quote a second path for the north ring (budget request for next year).',
  ]);

  // The coming Saturday, 6–10 in the morning: the SIS vendor's release, installed while nobody needs it.
  let saturday = dayjs(o.now).tz(o.timezone).add(1, 'day');
  while (saturday.day() !== 6) saturday = saturday.add(1, 'day');
  const startsAt = dayjs.tz(`${saturday.format('YYYY-MM-DD')} 06:00`, o.timezone);
  await tx.query(
    `INSERT INTO maintenance_windows (district_id, title_en, title_es, system_ids, timezone, starts_at, ends_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      o.districtId,
      'Infinite Campus upgrade: Campus Parent and Campus Student unavailable',
      'Actualización de Infinite Campus: Campus Parent y Campus Student no estarán disponibles',
      ['sis'],
      o.timezone,
      startsAt.toDate(),
      startsAt.add(4, 'hour').toDate(),
    ],
  );
}
