import type { z } from 'zod';
import {
  auditDevicesPageSchema,
  auditScanResultSchema,
  deviceAuditSchema,
  deviceAuditsPageSchema,
  type AuditScanResult,
  type DeviceAudit,
  type DeviceAuditCounts,
  type DeviceAuditCreate,
} from '../../shared/api/device-audits';
import { http } from './http';

export type { AuditScanResult, DeviceAudit, DeviceAuditCounts, DeviceAuditCreate };
export type AuditDevicesPage = z.infer<typeof auditDevicesPageSchema>;
export type AuditDevice = AuditDevicesPage['items'][number];
export type AuditItemResult = AuditDevice['result'];
export type AuditStatus = DeviceAudit['status'];

export interface AuditsQuery {
  schoolId?: string;
  status?: AuditStatus;
  page?: number;
  pageSize?: number;
}

export interface AuditDevicesQuery {
  result: AuditItemResult;
  page?: number;
  pageSize?: number;
}

const id = (value: string) => encodeURIComponent(value);

export const fetchAudits = (query: AuditsQuery) => http.get('/api/devices/audits', deviceAuditsPageSchema, { ...query });
export const fetchAudit = (auditId: string) => http.get(`/api/devices/audits/${id(auditId)}`, deviceAuditSchema);
export const scheduleAudit = (body: DeviceAuditCreate) => http.post('/api/devices/audits', deviceAuditSchema, body);
export const updateAudit = (auditId: string, body: { name?: string; dueOn?: string }) =>
  http.patch(`/api/devices/audits/${id(auditId)}`, deviceAuditSchema, body);
export const scanForAudit = (auditId: string, tag: string) =>
  http.post(`/api/devices/audits/${id(auditId)}/scan`, auditScanResultSchema, { tag });
export const fetchAuditDevices = (auditId: string, query: AuditDevicesQuery) =>
  http.get(`/api/devices/audits/${id(auditId)}/devices`, auditDevicesPageSchema, { ...query });
export const closeAudit = (auditId: string, note?: string) =>
  http.post(`/api/devices/audits/${id(auditId)}/close`, deviceAuditSchema, note ? { note } : {});

/** Under the devices keys: a change to a device (or any devices invalidation) refreshes the audits too. */
export const auditKeys = {
  all: ['devices', 'audits'] as const,
  list: (query: AuditsQuery) => ['devices', 'audits', 'list', query] as const,
  detail: (auditId: string) => ['devices', 'audits', 'one', auditId] as const,
  devices: (auditId: string, query?: AuditDevicesQuery) =>
    query ? (['devices', 'audits', 'items', auditId, query] as const) : (['devices', 'audits', 'items', auditId] as const),
};
