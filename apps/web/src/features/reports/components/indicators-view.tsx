// Every figure of an indicators report with its counting rule: used by the live dashboard (with
// drill-down to the companies) and by a frozen period (as frozen, without drill-down: the live list
// would not be the frozen one; its downloads hold the frozen companies).
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { IndicatorsReport } from '../api/reports';
import { BreakdownChart } from './breakdown-chart';
import { Figure } from './figure';
import { type Dimension, useLabels } from './labels';

export type DrillFilter = 'municipality' | 'activityKind' | 'financier';

interface Props {
  report: IndicatorsReport;
  /** The address of the companies behind companiesSupported, narrowed by one more filter if given. */
  companiesLink?: (filter?: { key: DrillFilter; value: string }) => string;
}

/** The service's own wording of a rule, for the record (it is English). */
function ServiceRule({ rule }: { rule: string }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>
        <Text size="xs" component="span">
          {t('reports.figures.serviceRule')}
        </Text>
      </summary>
      <Text size="xs" lang="en" mt={4}>
        {rule}
      </Text>
    </details>
  );
}

export function IndicatorsView({ report, companiesLink }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = useLabels();
  const cs = report.companiesSupported;
  const drill = (key: DrillFilter) => (companiesLink ? (value: string) => (value === 'unknown' ? undefined : companiesLink({ key, value })) : undefined);
  const chart = (id: string, dimension: Dimension, title: string, rule: string, data: Record<string, number>, drillKey?: DrillFilter, note?: string) => (
    <BreakdownChart id={id} title={title} rule={rule} data={data} labelOf={(k) => label(dimension, k)} drill={drillKey ? drill(drillKey) : undefined} note={note} />
  );

  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="section-companies">
        <Title order={2} size="h3" id="section-companies">
          {t('reports.figures.companiesSupported')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Figure
            id="companiesSupported"
            label={t('reports.figures.companiesSupported')}
            value={fmt.number(cs.total)}
            rule={t('reports.figures.companiesSupportedRule')}
            to={companiesLink?.()}
            linkLabel={t('reports.figures.showCompanies', { figure: t('reports.figures.companiesSupported') })}
          >
            <ServiceRule rule={cs.rule} />
          </Figure>
          {chart('byMunicipality', 'municipality', t('reports.figures.byMunicipality'), t('reports.figures.byMunicipalityRule'), cs.byMunicipality, 'municipality')}
          {chart('byActivityKind', 'activityKind', t('reports.figures.byActivityKind'), t('reports.figures.byActivityKindRule'), cs.byActivityKind, 'activityKind')}
          {chart('byFinancier', 'financier', t('reports.figures.byFinancier'), t('reports.figures.byFinancierRule'), cs.byFinancier, 'financier')}
          {chart('bySizeClass', 'sizeClass', t('reports.figures.bySizeClass'), t('reports.figures.bySizeClassRule'), cs.bySizeClass, undefined, companiesLink ? t('reports.figures.notFilterable') : undefined)}
        </SimpleGrid>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="section-participations">
        <Title order={2} size="h3" id="section-participations">
          {t('reports.figures.participations')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Figure id="participations" label={t('reports.figures.attended')} value={fmt.number(report.participations.attended)} rule={t('reports.figures.participationsRule')}>
            <Text size="sm">
              {t('reports.figures.hours')}: <strong data-testid="figure-hours">{fmt.number(report.participations.hours)}</strong>
            </Text>
            <ServiceRule rule={report.participations.rule} />
          </Figure>
          {chart('byGender', 'gender', t('reports.figures.byGender'), t('reports.figures.byGenderRule'), report.participations.byGender)}
        </SimpleGrid>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="section-trips">
        <Title order={2} size="h3" id="section-trips">
          {t('reports.figures.trips')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure id="tripsCompleted" label={t('reports.figures.completed')} value={fmt.number(report.trips.completed)} rule={t('reports.figures.tripsRule')}>
            <ServiceRule rule={report.trips.rule} />
          </Figure>
          <Figure
            id="travellingCompanies"
            label={t('reports.figures.travellingCompanies')}
            value={fmt.number(report.trips.travellingCompanies)}
            rule={t('reports.figures.tripsRule')}
            to={companiesLink?.({ key: 'activityKind', value: 'trip' })}
            linkLabel={t('reports.figures.showCompanies', { figure: t('reports.figures.travellingCompanies') })}
          />
          <Figure id="subsidySek" label={t('reports.figures.subsidySek')} value={fmt.sek(report.trips.subsidySek)} rule={t('reports.figures.tripsRule')} />
        </SimpleGrid>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="section-exporters">
        <Title order={2} size="h3" id="section-exporters">
          {t('reports.figures.exporters')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.figures.exportersRule')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Figure id="exportingBaseline" label={t('reports.figures.exportingBaseline')} value={fmt.number(report.exporters.exportingBaseline)} rule={t('reports.figures.baseline')} />
          <Figure id="exportingLatest" label={t('reports.figures.exportingLatest')} value={fmt.number(report.exporters.exportingLatest)} rule={t('reports.figures.latest')} />
          <Figure id="newExporters" label={t('reports.figures.newExporters')} value={fmt.number(report.exporters.newExporters)} rule={t('reports.figures.exportersRule')} />
          {chart(
            'exportTurnover',
            'sizeClass',
            t('reports.figures.exportTurnover'),
            t('reports.figures.exportersRule'),
            { [t('reports.figures.baseline')]: report.exporters.exportTurnoverSek.baseline, [t('reports.figures.latest')]: report.exporters.exportTurnoverSek.latest },
          )}
        </SimpleGrid>
        <ServiceRule rule={report.exporters.rule} />
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="section-relationships">
        <Title order={2} size="h3" id="section-relationships">
          {t('reports.figures.relationships')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Figure id="relationships" label={t('reports.figures.reached')} value={fmt.number(report.relationships.reached)} rule={t('reports.figures.relationshipsRule')}>
            <ServiceRule rule={report.relationships.rule} />
          </Figure>
          {chart('byTargetRegion', 'targetRegion', t('reports.figures.byTargetRegion'), t('reports.figures.relationshipsRule'), report.relationships.byTargetRegion)}
          {chart('byPartnerCountry', 'country', t('reports.figures.byPartnerCountry'), t('reports.figures.relationshipsRule'), report.relationships.byPartnerCountry)}
        </SimpleGrid>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="section-meetings">
        <Title order={2} size="h3" id="section-meetings">
          {t('reports.figures.partnerMeetings')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Figure id="partnerMeetings" label={t('reports.figures.held')} value={fmt.number(report.partnerMeetings.held)} rule={t('reports.figures.partnerMeetingsRule')}>
            <ServiceRule rule={report.partnerMeetings.rule} />
          </Figure>
          {chart('byOutcome', 'outcome', t('reports.figures.byOutcome'), t('reports.figures.partnerMeetingsRule'), report.partnerMeetings.byOutcome)}
          <Figure id="exportRings" label={t('reports.figures.ringCompanies')} value={fmt.number(report.exportRings.companies)} rule={t('reports.figures.exportRingsRule')}>
            <ServiceRule rule={report.exportRings.rule} />
          </Figure>
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
