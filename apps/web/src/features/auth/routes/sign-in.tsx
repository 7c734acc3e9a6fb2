import { Alert, Button, Card, Container, Group, NativeSelect, Radio, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { api, unwrap } from '../../../lib/api-client';
import { config } from '../../../lib/config';
import { ROLES, type Role, sessionFromToken, signIn, useSession } from '../../../lib/session';
import { fetchDevToken } from '../api/dev-token';

function safeNext(next: string | null): string {
  // Only paths of this app: never an absolute URL someone put in a link.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  let cfg;
  try {
    cfg = config();
  } catch {
    cfg = undefined;
  }
  if (session) return <Navigate to={next} replace />;
  return (
    <Container size="xs" py="xl" component="main" id="main">
      <Card withBorder padding="lg">
        <Stack>
          <Group justify="space-between">
            <Title order={1}>{t('signIn.title')}</Title>
            <LanguageSwitch />
          </Group>
          {!cfg && <Alert color="red" role="alert" title={t('signIn.notConfigured')} />}
          {cfg?.authMode === 'dev' && <DevSignIn next={next} />}
          {cfg?.authMode === 'oidc' && <OidcSignIn next={next} issuer={cfg.issuer} />}
        </Stack>
      </Card>
    </Container>
  );
}

function OidcSignIn({ next, issuer }: { next: string; issuer: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const start = async () => {
    try {
      const { startOidcSignIn } = await import('../api/oidc');
      const cfg = config();
      if (cfg.authMode === 'oidc') await startOidcSignIn(cfg, next);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <Text>{t('signIn.oidcIntro')}</Text>
      {error && <Alert color="red" role="alert" title={t('signIn.failed', { message: error })} />}
      <Button onClick={() => void start()}>{t('signIn.oidcSubmit', { issuer: new URL(issuer).host })}</Button>
    </>
  );
}

function DevSignIn({ next }: { next: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [role, setRole] = useState<Role>('staff');
  const [companyId, setCompanyId] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  // The company to act for: listed with a staff token, as only this development page may.
  const companies = useQuery({
    queryKey: ['dev-sign-in', 'companies'],
    enabled: role === 'company',
    queryFn: async () => {
      const token = await fetchDevToken('staff');
      const staff = sessionFromToken(token);
      return unwrap(api.companies.GET('/api/companies', { params: { query: { pageSize: 100, sort: '-registeredAt' } }, headers: { authorization: `Bearer ${staff.token}` } }));
    },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      signIn(await fetchDevToken(role, role === 'company' ? companyId : undefined));
      navigate(next, { replace: true });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const items = companies.data?.items ?? [];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <Text>{t('signIn.devIntro')}</Text>
        <Radio.Group label={t('signIn.role')} value={role} onChange={(v) => setRole(v as Role)} name="role">
          <Stack gap="xs" mt="xs">
            {ROLES.map((r) => (
              <Radio key={r} value={r} label={t(`roles.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {role === 'company' &&
          (items.length || companies.isPending ? (
            <NativeSelect
              label={t('signIn.company')}
              description={t('signIn.companyHint')}
              value={companyId}
              onChange={(e) => setCompanyId(e.currentTarget.value)}
              data={[{ value: '', label: '' }, ...items.map((c) => ({ value: c.id, label: `${c.name} (${c.orgNumber})` }))]}
              required
            />
          ) : (
            <Alert color="yellow">{t('signIn.noCompanies')}</Alert>
          ))}
        {error && <Alert color="red" role="alert" title={t('signIn.failed', { message: error })} />}
        <Button type="submit" loading={busy} disabled={role === 'company' && !companyId}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
