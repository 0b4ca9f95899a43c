import { z } from 'zod';
import { deviceCategorySchema, devicesQuerySchema } from './devices';

/**
 * Fleet reports: lifecycle by model, the refresh forecast, 1:1 coverage by school, and the
 * inventory export. Counts and money only (no names), except the export.
 */

/**
 * A school year runs July to June and is named by the calendar year it ends in (2026–27 is
 * 2027), as OneRoster's `schoolYear` and the readiness board name it.
 */
export const schoolYearStartMonth = 7;

export const deviceReportLimits = {
  forecastYearsDefault: 5,
  forecastYearsMax: 15,
} as const;

/** Money as the API writes it everywhere: a decimal string with two places ("1249.00"). */
const money = z.string();

// ---- lifecycle by model ----

export const lifecycleModelSchema = z.object({
  modelId: z.uuid().nullable(),
  manufacturer: z.string().nullable(),
  modelName: z.string().nullable(),
  category: deviceCategorySchema.nullable(),
  expectedLifeYears: z.number().int().nullable(),
  replacementPrice: money.nullable(),
  /** The model's auto-update expiration (a device may override it). */
  aueDate: z.string().nullable(),
  /** Devices in service: not retired, e-waste, lost or stolen. */
  devices: z.number().int(),
  /** Mean age in years of those with a purchase date, one decimal. */
  averageAgeYears: z.number().nullable(),
  /** Devices by age (whole years since purchase); 'unknown' = no purchase date. */
  byAge: z.object({
    under1: z.number().int(),
    years1to2: z.number().int(),
    years2to3: z.number().int(),
    years3to4: z.number().int(),
    years4to5: z.number().int(),
    years5plus: z.number().int(),
    unknown: z.number().int(),
  }),
  /** By each device's AUE (its own, else the model's). */
  aue: z.object({
    past: z.number().int(),
    withinYear: z.number().int(),
    later: z.number().int(),
    unknown: z.number().int(),
  }),
  /** Past purchase date + expected life. */
  pastEndOfLife: z.number().int(),
});
export type LifecycleModel = z.infer<typeof lifecycleModelSchema>;

export const lifecycleSchema = z.object({
  asOf: z.string(),
  models: z.array(lifecycleModelSchema),
  totals: lifecycleModelSchema.pick({ devices: true, byAge: true, aue: true, pastEndOfLife: true }),
});
export type Lifecycle = z.infer<typeof lifecycleSchema>;

// ---- refresh forecast ----

export const forecastQuerySchema = z.object({
  years: z.coerce.number().int().min(1).max(deviceReportLimits.forecastYearsMax).default(deviceReportLimits.forecastYearsDefault),
  /** The first school year forecast (2027 = 2026–27); default the current one. */
  fromYear: z.coerce.number().int().min(2000).max(2100).optional(),
  schoolId: z.uuid().optional(),
});

const forecastCellSchema = z.object({
  /** Devices due for replacement: whichever comes first, AUE or end of life. */
  devices: z.number().int(),
  /** Of those, due because they reach AUE (first, or on the same day). */
  reachingAue: z.number().int(),
  /** Of those, due because they reach the end of their expected life first. */
  reachingEndOfLife: z.number().int(),
  /** Replacement at the model's replacement price; devices without one are in unpricedDevices. */
  cost: money,
  unpricedDevices: z.number().int(),
});
export type ForecastCell = z.infer<typeof forecastCellSchema>;

export const forecastYearSchema = forecastCellSchema.extend({
  schoolYear: z.number().int(),
  /** "2026–27". */
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});

export const forecastModelSchema = z.object({
  modelId: z.uuid().nullable(),
  manufacturer: z.string().nullable(),
  modelName: z.string().nullable(),
  replacementPrice: money.nullable(),
  /** Devices of this model in service. */
  fleet: z.number().int(),
  years: z.array(forecastYearSchema.pick({ schoolYear: true }).extend(forecastCellSchema.shape)),
  overdue: forecastCellSchema,
  beyondHorizon: z.number().int(),
  unknownDates: z.number().int(),
  total: forecastCellSchema,
});

export const refreshForecastSchema = z.object({
  asOf: z.string(),
  fromYear: z.number().int(),
  years: z.array(forecastYearSchema),
  byModel: z.array(forecastModelSchema),
  /** Due before the first year forecast and still in service: replace now. Not in `totals`. */
  overdue: forecastCellSchema,
  /** Due after the last year forecast. */
  beyondHorizon: z.object({ devices: z.number().int() }),
  /** Neither an AUE nor a purchase date with an expected life: counted here, never dropped. */
  unknownDates: z.object({
    devices: z.number().int(),
    noModel: z.number().int(),
    noPurchaseDate: z.number().int(),
    noExpectedLife: z.number().int(),
  }),
  /** The years forecast, summed. */
  totals: forecastCellSchema,
  /** Devices in service considered: overdue + the years + beyond + unknown. */
  fleet: z.number().int(),
});
export type RefreshForecast = z.infer<typeof refreshForecastSchema>;

// ---- 1:1 coverage ----

const coverageDevicesSchema = z.object({
  assigned: z.number().int(),
  inRepair: z.number().int(),
  lost: z.number().int(),
  stolen: z.number().int(),
  /** Loaners out. */
  onLoan: z.number().int(),
  inStock: z.number().int(),
});

const coverageRowSchema = z.object({
  /** Students with an active enrollment in the current session. */
  enrolledStudents: z.number().int(),
  /** Of those, students holding a device assigned to them (not a loaner). */
  studentsWithDevice: z.number().int(),
  /** studentsWithDevice / enrolledStudents × 100, one decimal; null without students. */
  coveragePercent: z.number().nullable(),
  devices: coverageDevicesSchema,
});

export const coverageSchema = z.object({
  /** The school-year session enrollments are counted in; null when the roster has none (all active enrollments count). */
  session: z
    .object({ id: z.uuid(), title: z.string(), schoolYear: z.number().int(), startDate: z.string(), endDate: z.string() })
    .nullable(),
  schools: z.array(coverageRowSchema.extend({ schoolId: z.uuid(), schoolName: z.string() })),
  /** Devices that belong to no school (district-wide roles only). */
  noSchool: coverageDevicesSchema,
  /** Distinct students (one enrolled at two schools counts once) and every device counted. */
  totals: coverageRowSchema,
});
export type Coverage = z.infer<typeof coverageSchema>;

// ---- export ----

export const deviceExportFormats = ['csv', 'xlsx'] as const;

/** GET /api/devices's filters and sort, without paging: the export holds every matching device. */
export const deviceExportQuerySchema = devicesQuerySchema.omit({ page: true, pageSize: true }).extend({
  format: z.enum(deviceExportFormats).default('csv'),
});
