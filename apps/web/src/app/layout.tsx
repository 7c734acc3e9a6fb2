import { Anchor, AppShell, Button, Container, Group, Text, VisuallyHidden } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LanguageSwitch } from '../components/language-switch';
import { PageLoader } from '../components/page-state';
import { signOut, useSession } from '../lib/session';

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  // A chosen sign-out starts afresh; an expired session comes back to the same page (RequireSession).
  const leave = () => signOut('chosen');
  const isCompanyUser = session?.roles.includes('company') && !session.roles.some((r) => r === 'staff' || r === 'admin');
  const links = isCompanyUser
    ? [
        // my-company: the company user's home, company page, events, trips and history.
        { to: '/my-company', label: t('myCompany.nav.home'), end: true },
        { to: `/companies/${session?.companyId}`, label: t('app.nav.myCompany') },
        { to: '/events', label: t('app.nav.events') },
        { to: '/my-company/trips', label: t('myCompany.nav.trips') },
        { to: '/my-company/history', label: t('myCompany.nav.history') },
      ]
    : session?.roles.includes('financier') && !session.roles.some((r) => r === 'staff' || r === 'admin')
      ? [{ to: '/events', label: t('app.nav.events') }]
      : [
          { to: '/companies', label: t('app.nav.companies') },
          { to: '/events', label: t('app.nav.events') },
        ];
  // Trips and export rings (web-trips): trips for every role (the service shows each what it may
  // read; company users have their own "open trips"); rings for staff and financiers (company users may not list members).
  if (!isCompanyUser) links.push({ to: '/trips', label: t('trips.nav') }); // company users: "open trips" above
  if (!isCompanyUser) links.push({ to: '/export-rings', label: t('exportRings.nav') });
  // Reports (web-dashboard): the indicators, for everyone who may read them (not company users).
  if (!isCompanyUser) links.push({ to: '/reports', label: t('reports.nav') });
  return (
    <AppShell header={{ height: { base: 104, sm: 60 } }} padding="md">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="wrap" gap="xs" py={6}>
            <Group gap="lg" wrap="nowrap">
              <Text fw={700} size="lg" component="span">
                {t('app.name')}
              </Text>
              <nav aria-label={t('app.nav.label')}>
                <Group gap="md" component="ul" className="nav-list">
                  {links.map((l) => (
                    <li key={l.to}>
                      <Anchor component={NavLink} to={l.to} end={'end' in l ? l.end : undefined} className="nav-link">
                        {l.label}
                      </Anchor>
                    </li>
                  ))}
                </Group>
              </nav>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              {session && (
                <>
                  <VisuallyHidden>{t('app.signedInAs', { role: session.roles.map((r) => t(`roles.${r}`)).join(', ') })}</VisuallyHidden>
                  <Button variant="subtle" size="xs" onClick={leave} title={t('app.signedInAs', { role: session.roles.map((r) => t(`roles.${r}`)).join(', ') })}>
                    {t('app.signOut')}
                  </Button>
                </>
              )}
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" component="main" id="main" tabIndex={-1}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
