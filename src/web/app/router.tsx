import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { pageData } from '../../shared/page-preloads';
import { startEarly } from '../api/http';
import { RequireAuth } from '../auth/RequireAuth';
import { RouteError } from '../components/RouteError';

/**
 * Each page is its own chunk, so the sign-in and home pages load only what they need. `data`: the
 * API path the page reads first, asked for as the page's code starts loading (once, on the first
 * visit: react-router runs `lazy` once), so the answer and the code arrive together.
 */
const page = (load: () => Promise<ComponentType>, data?: string): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => {
    if (data) startEarly(data);
    return { Component: await load() };
  },
});

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    HydrateFallback: () => null,
    children: [
      { path: 'sign-in', ...page(async () => (await import('../routes/sign-in/SignInPage')).SignInPage) },
      { path: 'forgot-password', ...page(async () => (await import('../routes/sign-in/ForgotPasswordPage')).ForgotPasswordPage) },
      { path: 'reset-password', ...page(async () => (await import('../routes/sign-in/ResetPasswordPage')).ResetPasswordPage) },
      // The public status page: no sign-in, for families and staff alike.
      { path: 'status', ...page(async () => (await import('../routes/status/StatusPage')).StatusPage) },
      {
        element: <RequireAuth />,
        errorElement: <RouteError />,
        children: [
          { index: true, ...page(async () => (await import('../routes/home/HomePage')).HomePage) },
          { path: 'people', ...page(async () => (await import('../routes/people/PeoplePage')).PeoplePage) },
          { path: 'people/:id', ...page(async () => (await import('../routes/people/PersonPage')).PersonPage) },
          { path: 'schools', ...page(async () => (await import('../routes/schools/SchoolsPage')).SchoolsPage) },
          { path: 'schools/:id', ...page(async () => (await import('../routes/schools/SchoolPage')).SchoolPage) },
          { path: 'classes/:id', ...page(async () => (await import('../routes/schools/ClassPage')).ClassPage) },
          { path: 'admin/accounts', ...page(async () => (await import('../routes/admin/AccountsPage')).AccountsPage) },
          { path: 'admin/tokens', ...page(async () => (await import('../routes/admin/TokensPage')).TokensPage) },
          { path: 'admin/audit', ...page(async () => (await import('../routes/admin/AuditPage')).AuditPage) },
          { path: 'admin/roster', ...page(async () => (await import('../routes/roster/RosterImportPage')).RosterImportPage) },
          { path: 'systems', ...page(async () => (await import('../routes/systems/SystemsPage')).SystemsPage, pageData('/systems')) },
          { path: 'systems/:id', ...page(async () => (await import('../routes/systems/SystemPage')).SystemPage) },
          { path: 'incidents', ...page(async () => (await import('../routes/incidents/IncidentsPage')).IncidentsPage) },
          { path: 'incidents/:id', ...page(async () => (await import('../routes/incidents/IncidentPage')).IncidentPage) },
          { path: 'maintenance', ...page(async () => (await import('../routes/incidents/MaintenancePage')).MaintenancePage) },
          { path: 'readiness', ...page(async () => (await import('../routes/readiness/ReadinessPage')).ReadinessPage) },
          { path: 'devices', ...page(async () => (await import('../routes/devices/DevicesPage')).DevicesPage) },
          { path: 'devices/scan', ...page(async () => (await import('../routes/devices/ScanStationPage')).ScanStationPage) },
          { path: 'devices/import', ...page(async () => (await import('../routes/devices/DeviceImportPage')).DeviceImportPage) },
          { path: 'devices/reports', ...page(async () => (await import('../routes/devices/DeviceReportsPage')).DeviceReportsPage) },
          { path: 'devices/repairs', ...page(async () => (await import('../routes/devices/repairs/RepairsPage')).RepairsPage) },
          { path: 'devices/audits', ...page(async () => (await import('../routes/devices/audits/AuditsPage')).AuditsPage) },
          { path: 'devices/audits/:id', ...page(async () => (await import('../routes/devices/audits/AuditPage')).AuditPage) },
          { path: 'devices/:id', ...page(async () => (await import('../routes/devices/DevicePage')).DevicePage) },
          { path: 'profile', ...page(async () => (await import('../routes/profile/ProfilePage')).ProfilePage) },
          { path: '*', ...page(async () => (await import('../routes/NotFoundPage')).NotFoundPage) },
        ],
      },
    ],
  },
]);
