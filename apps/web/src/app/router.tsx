// Every screen is its own chunk (`lazy`), so the first screen loads only the shell and itself.
import { createBrowserRouter, Navigate } from 'react-router';
import { currentSession } from '../lib/session';
import { PageLoader } from '../components/page-state';
import { Layout } from './layout';
import { RequireSession } from './require-session';
import { NotFound } from './not-found';

function homePath(): string {
  const session = currentSession();
  if (!session) return '/sign-in';
  if (session.roles.includes('company') && session.companyId) return '/my-company';
  if (session.roles.includes('financier') && !session.roles.some((r) => r === 'staff' || r === 'admin')) return '/reports';
  return '/companies';
}

function Home() {
  return <Navigate to={homePath()} replace />;
}

export function createRouter() {
  return createBrowserRouter([
    {
      path: '/sign-in',
      HydrateFallback: PageLoader,
      lazy: async () => ({ Component: (await import('../features/auth/routes/sign-in')).SignInRoute }),
    },
    {
      path: '/auth/callback',
      HydrateFallback: PageLoader,
      lazy: async () => ({ Component: (await import('../features/auth/routes/oidc-callback')).OidcCallbackRoute }),
    },
    {
      HydrateFallback: PageLoader,
      element: (
        <RequireSession>
          <Layout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <Home /> },
        { path: 'companies', lazy: async () => ({ Component: (await import('../features/companies/routes/companies-list')).CompaniesListRoute }) },
        { path: 'companies/new', lazy: async () => ({ Component: (await import('../features/companies/routes/register-company')).RegisterCompanyRoute }) },
        { path: 'companies/:companyId', lazy: async () => ({ Component: (await import('../features/companies/routes/company-page')).CompanyRoute }) },
        { path: 'events', lazy: async () => ({ Component: (await import('../features/events/routes/events-list')).EventsListRoute }) },
        { path: 'events/new', lazy: async () => ({ Component: (await import('../features/events/routes/schedule-event')).ScheduleEventRoute }) },
        { path: 'events/:eventId', lazy: async () => ({ Component: (await import('../features/events/routes/event-page')).EventRoute }) },
        { path: 'events/:eventId/attendance', lazy: async () => ({ Component: (await import('../features/events/routes/attendance')).AttendanceRoute }) },
        // Trips and export rings (web-trips).
        { path: 'trips', lazy: async () => ({ Component: (await import('../features/trips/routes/trips-list')).TripsListRoute }) },
        { path: 'trips/new', lazy: async () => ({ Component: (await import('../features/trips/routes/plan-trip')).PlanTripRoute }) },
        { path: 'trips/:tripId', lazy: async () => ({ Component: (await import('../features/trips/routes/trip-page')).TripRoute }) },
        { path: 'trips/:tripId/edit', lazy: async () => ({ Component: (await import('../features/trips/routes/edit-trip')).EditTripRoute }) },
        { path: 'export-rings', lazy: async () => ({ Component: (await import('../features/export-rings/routes/rings-list')).RingsListRoute }) },
        { path: 'export-rings/:ringId', lazy: async () => ({ Component: (await import('../features/export-rings/routes/ring-page')).RingRoute }) },
        // Reports (web-dashboard): the indicators dashboard, its drill-down, frozen periods, trip reports.
        { path: 'reports', lazy: async () => ({ Component: (await import('../features/reports/routes/dashboard')).DashboardRoute }) },
        { path: 'reports/companies', lazy: async () => ({ Component: (await import('../features/reports/routes/indicator-companies')).IndicatorCompaniesRoute }) },
        { path: 'reports/periods', lazy: async () => ({ Component: (await import('../features/reports/routes/periods')).PeriodsRoute }) },
        { path: 'reports/periods/:periodId', lazy: async () => ({ Component: (await import('../features/reports/routes/period')).PeriodRoute }) },
        { path: 'reports/trips/:tripId', lazy: async () => ({ Component: (await import('../features/reports/routes/trip-report')).TripReportRoute }) },
        // my-company: the company user's own flows (home, participation history, open trips).
        { path: 'my-company', lazy: async () => ({ Component: (await import('../features/my-company/routes/my-company-home')).MyCompanyHomeRoute }) },
        { path: 'my-company/history', lazy: async () => ({ Component: (await import('../features/my-company/routes/participation-history')).ParticipationHistoryRoute }) },
        { path: 'my-company/trips', lazy: async () => ({ Component: (await import('../features/my-company/routes/open-trips')).OpenTripsRoute }) },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
