// A trip's report (/reports/trips/:tripId[?revision=]): produced by the reporting service when the trip
// was completed or corrected; the trips screens link here.
import { Anchor, Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { canManage, useSession } from '../../../lib/session';
import { downloadTripReport, useTripReport } from '../api/reports';
import { DownloadButtons } from '../components/download-buttons';
import { useLabels } from '../components/labels';

export function TripReportRoute() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = useLabels();
  const session = useSession();
  const { tripId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('revision')) || undefined;
  const report = useTripReport(tripId, asked);
  const latest = useTripReport(tripId);
  const revisions = latest.data ? Array.from({ length: latest.data.revision }, (_, i) => latest.data.revision - i) : [];

  if (report.isPending) return <PageLoader />;
  if (report.isError)
    return (
      <Stack>
        <Title order={1}>{t('reports.trip.title')}</Title>
        {report.error instanceof ApiError && (report.error.status === 404 || report.error.status === 400) ? (
          <Text role="alert">{t('reports.trip.notFound')}</Text>
        ) : (
          <ErrorState error={report.error} onRetry={() => void report.refetch()} />
        )}
      </Stack>
    );
  const r = report.data;
  const companyName = (id: string) => r.travellingCompanies.find((c) => c.companyId === id)?.name ?? id;
  return (
    <Stack>
      <Title order={1}>
        {t('reports.trip.title')}: {r.title}
      </Title>
      <Group gap="md">
        <Badge variant="outline">{t('reports.trip.revision', { revision: r.revision })}</Badge>
        <Text size="sm">{t('reports.trip.producedAt', { at: fmt.dateTime(r.producedAt) })}</Text>
        {revisions.length > 1 && (
          <NativeSelect
            size="xs"
            label={t('reports.trip.revisionPick')}
            value={String(r.revision)}
            onChange={(e) => setParams(e.currentTarget.value === String(revisions[0]) ? {} : { revision: e.currentTarget.value })}
            data={revisions.map((v) => ({ value: String(v), label: String(v) }))}
          />
        )}
      </Group>
      <DownloadButtons what={t('reports.downloads.trip')} download={(format) => downloadTripReport(tripId, asked, format)} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="md">
          <Text fw={600}>{t('reports.trip.dates')}</Text>
          <Text>
            {fmt.date(r.startsOn)} – {fmt.date(r.endsOn)}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text fw={600}>{t('reports.trip.financiers')}</Text>
          <Text>{r.financiers.map((f) => label('financier', f)).join(', ') || '–'}</Text>
        </Paper>
        <Paper withBorder p="md">
          <Text fw={600}>{t('reports.trip.totals')}</Text>
          <Text>
            {t('reports.figures.travellingCompanies')}: <strong>{fmt.number(r.totals.travellingCompanies)}</strong>
          </Text>
          <Text>
            {t('reports.trip.subsidy')}: <strong>{fmt.sek(r.totals.subsidySek)}</strong>
          </Text>
          {Object.entries(r.totals.meetingsByOutcome).map(([outcome, n]) => (
            <Text key={outcome} size="sm">
              {label('outcome', outcome)}: {fmt.number(n)}
            </Text>
          ))}
        </Paper>
      </SimpleGrid>

      <Title order={2} size="h3">
        {t('reports.trip.destinations')}
      </Title>
      <Table aria-label={t('reports.trip.destinations')} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.trip.country')}</Table.Th>
            <Table.Th scope="col">{t('reports.trip.city')}</Table.Th>
            <Table.Th scope="col">{t('reports.trip.targetRegion')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.destinations.map((d, i) => (
            <Table.Tr key={`${d.country}-${i}`}>
              <Table.Td>{label('country', d.country)}</Table.Td>
              <Table.Td>{d.city ?? '–'}</Table.Td>
              <Table.Td>{d.targetRegion ? label('targetRegion', d.targetRegion) : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={2} size="h3">
        {t('reports.trip.companies')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label={t('reports.trip.companies')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.companies.orgNumber')}</Table.Th>
              <Table.Th scope="col">{t('reports.trip.company')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.trip.daysAbroad')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reports.trip.subsidy')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.travellingCompanies.map((c) => (
              <Table.Tr key={c.companyId}>
                <Table.Td>{c.orgNumber ?? '–'}</Table.Td>
                <Table.Td>
                  {canManage(session) ? (
                    <Anchor component={Link} to={`/companies/${c.companyId}`}>
                      {c.name ?? c.companyId}
                    </Anchor>
                  ) : (
                    (c.name ?? c.companyId)
                  )}
                </Table.Td>
                <Table.Td ta="right">{fmt.number(c.daysAbroad)}</Table.Td>
                <Table.Td ta="right">{fmt.sek(c.subsidySek)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Title order={2} size="h3">
        {t('reports.trip.meetings')}
      </Title>
      {r.meetings.length === 0 ? (
        <Text>{t('reports.trip.noMeetings')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('reports.trip.meetings')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.trip.heldAt')}</Table.Th>
                <Table.Th scope="col">{t('reports.trip.company')}</Table.Th>
                <Table.Th scope="col">{t('reports.trip.partner')}</Table.Th>
                <Table.Th scope="col">{t('reports.trip.country')}</Table.Th>
                <Table.Th scope="col">{t('reports.trip.outcome')}</Table.Th>
                <Table.Th scope="col">{t('reports.trip.followUpOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.meetings.map((m) => (
                <Table.Tr key={m.meetingId}>
                  <Table.Td>{fmt.date(m.heldAt)}</Table.Td>
                  <Table.Td>{companyName(m.companyId)}</Table.Td>
                  <Table.Td>{m.partnerName ?? '–'}</Table.Td>
                  <Table.Td>{label('country', m.partnerCountry)}</Table.Td>
                  <Table.Td>{label('outcome', m.outcome)}</Table.Td>
                  <Table.Td>{m.followUpOn ? fmt.date(m.followUpOn) : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
