import { Alert, Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { canManage, useSession } from '../../../lib/session';
import { useCompany } from '../api/companies';
import { ContactsSection } from '../components/contacts-section';
import { ExportFiguresSection } from '../components/export-figures-section';
import { MergeSection } from '../components/merge-section';

export function CompanyRoute() {
  const { companyId = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const session = useSession();
  const location = useLocation();
  const company = useCompany(companyId);

  if (company.isPending) return <PageLoader />;
  if (company.isError) {
    const error = company.error;
    if (error instanceof ApiError && error.code === 'COMPANY_MERGED') {
      const mergedInto = (error.details as { mergedInto?: string } | undefined)?.mergedInto;
      return (
        <Alert color="yellow" title={t('companies.merged')}>
          {mergedInto && (
            <Anchor component={Link} to={`/companies/${mergedInto}`}>
              {t('companies.openSurvivor')}
            </Anchor>
          )}
        </Alert>
      );
    }
    if (error instanceof ApiError && error.status === 404) return <Alert color="yellow" title={t('companies.notFound')} />;
    return <ErrorState error={error} onRetry={() => void company.refetch()} />;
  }

  const c = company.data;
  const facts: [string, string][] = [
    [t('orgNumber.label'), c.orgNumber],
    [t('companies.municipality'), c.municipality === 'outside-county' ? `${t('companies.outsideCounty')} (${c.county})` : c.municipality],
    [t('companies.sizeClass'), c.sizeClass ? t(`companies.sizeClasses.${c.sizeClass}`) : t('app.unknown')],
    [t('companies.employees'), c.employees === null ? t('app.unknown') : fmt.number(c.employees)],
    [t('companies.sniCode'), c.sniCode ?? t('app.none')],
    [t('companies.exporting'), c.exporting ? t('app.yes') : t('app.no')],
    [t('companies.registeredAt'), fmt.date(c.registeredAt)],
  ];
  const manage = canManage(session);
  return (
    <Stack gap="lg">
      {(location.state as { notice?: string } | null)?.notice === 'registered' && (
        <Alert color="green" role="status" title={t('companies.registered')} />
      )}
      <Title order={1}>{c.name}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">
            {t('companies.details')}
          </Title>
          <dl className="facts">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
            {c.website && (
              <div>
                <dt>{t('companies.website')}</dt>
                <dd>
                  <Anchor href={c.website} rel="noopener noreferrer" target="_blank">
                    {c.website}
                  </Anchor>
                </dd>
              </div>
            )}
          </dl>
          {c.description && <Text mt="sm">{c.description}</Text>}
        </Card>
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">
            {t('companies.history')}
          </Title>
          <List>
            {c.municipalityHistory.map((p) => (
              <List.Item key={p.validFrom}>
                {p.municipality ?? p.county}:{' '}
                {p.validTo ? t('companies.historyRange', { from: fmt.date(p.validFrom), to: fmt.date(p.validTo) }) : t('companies.historyFrom', { from: fmt.date(p.validFrom) })}
              </List.Item>
            ))}
          </List>
        </Card>
      </SimpleGrid>
      <ContactsSection companyId={c.id} />
      <ExportFiguresSection companyId={c.id} />
      {manage && <MergeSection survivor={c} />}
    </Stack>
  );
}
