import { Anchor, AppShell, Burger, Button, Container, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
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

  // Phones (below Mantine's `sm`): the app name and a burger; the links, language and sign-out open
  // in the navbar below it. At `sm` and wider the header is the one line it always was.
  const [menuOpened, menu] = useDisclosure(false);
  const burger = useRef<HTMLButtonElement>(null);
  const wide = useMediaQuery('(min-width: 48em)'); // Mantine's default `sm`
  const { pathname } = useLocation();
  // Closed whenever the page changes (a followed link, Back) and when the screen grows past `sm`,
  // where the navbar is hidden: its links must not stay in the tab order off-screen.
  const closeMenu = menu.close;
  useEffect(() => {
    closeMenu();
  }, [pathname, wide, closeMenu]);
  const followed = () => {
    menu.close();
    // The followed link disappears with the menu; focus goes where the skip link sends it, not to <body>.
    document.getElementById('main')?.focus();
  };
  const roles = session ? t('app.signedInAs', { role: session.roles.map((r) => t(`roles.${r}`)).join(', ') }) : '';
  return (
    <AppShell
      header={{ height: { base: 56, sm: 60 } }}
      navbar={{ width: 300, breakpoint: 'sm', collapsed: { mobile: !menuOpened, desktop: true } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Container size="xl" h="100%" hiddenFrom="sm">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Text fw={700} size="lg" component="span">
              {t('app.name')}
            </Text>
            <Burger
              ref={burger}
              opened={menuOpened}
              onClick={menu.toggle}
              aria-label={t('app.nav.menu')}
              aria-expanded={menuOpened}
              aria-controls="mobile-menu"
            />
          </Group>
        </Container>
        <Container size="xl" h="100%" visibleFrom="sm">
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
                  <VisuallyHidden>{roles}</VisuallyHidden>
                  <Button variant="subtle" size="xs" onClick={leave} title={roles}>
                    {t('app.signOut')}
                  </Button>
                </>
              )}
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Navbar
        component="div"
        id="mobile-menu"
        withBorder={false}
        p="md"
        hiddenFrom="sm"
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          menu.close();
          burger.current?.focus();
        }}
      >
        {/* Rendered only while open: collapsed, it is moved off-screen, and its links would still take Tab. */}
        {menuOpened && (
          <Stack gap="lg">
            <nav aria-label={t('app.nav.label')}>
              <Stack gap="xs" component="ul" className="nav-list">
                {links.map((l) => (
                  <li key={l.to}>
                    <Anchor component={NavLink} to={l.to} end={'end' in l ? l.end : undefined} className="nav-link" onClick={followed}>
                      {l.label}
                    </Anchor>
                  </li>
                ))}
              </Stack>
            </nav>
            <LanguageSwitch />
            {session && (
              <Stack gap={4} align="flex-start">
                <Text size="sm" c="dimmed">
                  {roles}
                </Text>
                <Button variant="light" onClick={leave}>
                  {t('app.signOut')}
                </Button>
              </Stack>
            )}
          </Stack>
        )}
      </AppShell.Navbar>
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
