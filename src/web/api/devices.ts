import { z } from 'zod';
import {
  badgeResultSchema,
  scanResultSchema,
  undoResultSchema,
  type BadgeResult,
  type ScanRequest,
  type ScanResult,
} from '../../shared/api/device-checkout';
import { agreementSchema, holdSchema, type Hold } from '../../shared/api/device-holds';
import {
  deviceImportReportSchema,
  googleDeviceImportReportSchema,
  type DeviceImportReport,
  type GoogleDeviceImportReport,
} from '../../shared/api/device-imports';
import { myDevicesSchema, personDevicesSchema, type PersonDevices } from '../../shared/api/device-people';
import {
  deviceDetailSchema,
  deviceModelSchema,
  devicesPageSchema,
  deviceSummaryCountsSchema,
  type DeviceCreate,
  type DeviceDetail,
  type DeviceModel,
  type DeviceModelInput,
  type DeviceStatus,
  type DeviceSummary,
  type DeviceUpdate,
} from '../../shared/api/devices';
import {
  coverageSchema,
  lifecycleSchema,
  refreshForecastSchema,
  type Coverage,
  type Lifecycle,
  type RefreshForecast,
} from '../../shared/api/device-reports';
import { bulkAssignReportSchema, type BulkAssignReport } from '../../shared/api/device-bulk-assign';
import { customFieldsListSchema, type CustomField, type CustomFieldInput } from '../../shared/api/device-custom-fields';
import { buildUrl, http, upload } from './http';

export type CustomFieldDefinition = CustomField;
export type {
  BadgeResult,
  CustomFieldInput,
  BulkAssignReport,
  Coverage,
  Lifecycle,
  RefreshForecast,
  DeviceDetail,
  DeviceImportReport,
  DeviceModel,
  DeviceStatus,
  DeviceSummary,
  GoogleDeviceImportReport,
  Hold,
  PersonDevices,
  ScanRequest,
  ScanResult,
};

export interface DeviceListQuery {
  q?: string;
  status?: DeviceStatus;
  schoolId?: string;
  modelId?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

const id = (value: string) => encodeURIComponent(value);

export const fetchDevices = (query: DeviceListQuery) => http.get('/api/devices', devicesPageSchema, { ...query });
export const fetchDevice = (deviceId: string) => http.get(`/api/devices/${id(deviceId)}`, deviceDetailSchema);
export const fetchDeviceCounts = () => http.get('/api/devices/summary', deviceSummaryCountsSchema);
export const createDevice = (body: DeviceCreate) => http.post('/api/devices', deviceDetailSchema, body);
export const updateDevice = (deviceId: string, body: DeviceUpdate) => http.patch(`/api/devices/${id(deviceId)}`, deviceDetailSchema, body);
export const changeDeviceStatus = (deviceId: string, status: DeviceStatus, note?: string) =>
  http.post(`/api/devices/${id(deviceId)}/status`, deviceDetailSchema, { status, note });

export const fetchModels = () => http.get('/api/devices/models', z.object({ items: z.array(deviceModelSchema) }));
export const updateModel = (modelId: string, body: Partial<DeviceModelInput>) =>
  http.patch(`/api/devices/models/${id(modelId)}`, deviceModelSchema, body);

export const lookupBadge = (badge: string) => http.get('/api/devices/scan/badge', badgeResultSchema, { id: badge });
export const scanDevice = (body: ScanRequest) => http.post('/api/devices/scan', scanResultSchema, body);
export const undoScan = (undoToken: string) => http.post('/api/devices/scan/undo', undoResultSchema, { undoToken });

export const fetchPersonDevices = (personId: string) => http.get(`/api/devices/people/${id(personId)}`, personDevicesSchema);
export const fetchMyDevices = () => http.get('/api/devices/mine', myDevicesSchema);

export const fetchHolds = (personId?: string) => http.get('/api/devices/holds', z.object({ items: z.array(holdSchema) }), { personId });
export const placeHold = (personId: string, reason: string) => http.post('/api/devices/holds', holdSchema, { personId, reason });
export const releaseHold = (holdId: string, reason: string) =>
  http.post(`/api/devices/holds/${id(holdId)}/release`, holdSchema, { reason });
export const recordAgreement = (body: { personId: string; signedBy: 'student' | 'guardian'; signerName?: string; version: string }) =>
  http.post('/api/devices/agreements', agreementSchema, body);

/** A device CSV, sent as it is so the server's errors name its rows and columns. */
export const importDevicesCsv = (file: File, onProgress: (fraction: number) => void) =>
  upload('/api/devices/import', file, {
    schema: deviceImportReportSchema,
    contentType: 'text/csv',
    query: { fileName: file.name },
    onProgress,
  });

/** Check-outs from a CSV (asset tag, assignee, type…): all or nothing, like the device import. */
export const importAssignmentsCsv = (file: File, onProgress: (fraction: number) => void) =>
  upload('/api/devices/assignments/import', file, {
    schema: bulkAssignReportSchema,
    contentType: 'text/csv',
    query: { fileName: file.name },
    onProgress,
  });

/** Google Admin's Chrome devices: the Directory API's JSON or the console's CSV export. */
export const importGoogleDevices = (file: File, staleDays: number | undefined, onProgress: (fraction: number) => void) =>
  upload('/api/devices/import/google', file, {
    schema: googleDeviceImportReportSchema,
    contentType: /\.json$/i.test(file.name) || file.type === 'application/json' ? 'application/json' : 'text/csv',
    query: { fileName: file.name, staleDays },
    onProgress,
  });

export const fetchForecast = (query: { years?: number; schoolId?: string }) =>
  http.get('/api/devices/forecast', refreshForecastSchema, query);
export const fetchCoverage = () => http.get('/api/devices/coverage', coverageSchema);
export const fetchLifecycle = (schoolId?: string) => http.get('/api/devices/lifecycle', lifecycleSchema, { schoolId });

/** A plain link: the browser downloads the file with the session cookie (a GET needs no CSRF token). */
export const exportDevicesUrl = (format: 'csv' | 'xlsx', query: Omit<DeviceListQuery, 'page' | 'pageSize'>) =>
  buildUrl('/api/devices/export', { ...query, format });

export const fetchCustomFields = () => http.get('/api/devices/custom-fields', customFieldsListSchema);
export const saveCustomFields = (category: string, fields: CustomFieldInput[]) =>
  http.put(`/api/devices/custom-fields/${id(category)}`, customFieldsListSchema, { fields });

export const deviceKeys = {
  all: ['devices'] as const,
  list: (query: DeviceListQuery) => ['devices', 'list', query] as const,
  detail: (deviceId: string) => ['devices', 'detail', deviceId] as const,
  counts: ['devices', 'counts'] as const,
  models: ['devices', 'models'] as const,
  person: (personId: string) => ['devices', 'person', personId] as const,
  mine: ['devices', 'mine'] as const,
  forecast: (query: { years?: number; schoolId?: string }) => ['devices', 'forecast', query] as const,
  coverage: ['devices', 'coverage'] as const,
  lifecycle: (schoolId?: string) => ['devices', 'lifecycle', schoolId] as const,
};
