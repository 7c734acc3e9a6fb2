// Completing a trip (who travelled, days abroad, subsidy) and correcting a completed one: the same
// list either way, one row per accepted company.
import { Alert, Anchor, Button, Card, Checkbox, Group, Modal, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CompanyName, useCompanyName } from '../../../components/company-picker';
import { PageLoader } from '../../../components/page-state';
import { useFormat } from '../../../lib/format';
import { type Travelled, type Trip, useCompletion, useParticipants } from '../api/trips';
import type { Viewer } from './applications-section';
import { tripFieldErrors } from './trip-field-errors';
import { TripErrorState } from './trip-error';

export function tripLength(trip: Pick<Trip, 'startsOn' | 'endsOn'>): number {
  return Math.round((Date.parse(`${trip.endsOn}T00:00:00Z`) - Date.parse(`${trip.startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}

export function CompletionSection({ trip, viewer }: { trip: Trip; viewer: Viewer }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  // The key, not the text: a notice follows a change of language.
  const [notice, setNotice] = useState<'trips.completed' | 'trips.corrected'>();
  const completed = trip.status === 'completed';
  const canComplete = viewer.manage && (trip.status === 'open' || trip.status === 'closed');
  if (!completed && !canComplete) return null;
  const mode = completed ? 'correct' : 'complete';
  return (
    <Card withBorder component="section" aria-labelledby="completion-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id="completion-title">
            {t('trips.travelledTitle')}
            {completed && trip.completionRevision > 1 ? ` · ${t('trips.completionRevision', { n: trip.completionRevision })}` : ''}
          </Title>
          {completed && (
            <Anchor component={Link} to={`/reports/trips/${trip.id}`}>
              {t('trips.report')}
            </Anchor>
          )}
        </Group>
        {notice && <Alert color="green" role="status" title={t(notice)} />}
        {completed && trip.travelled && (
          trip.travelled.length === 0 ? (
            <Text>{t('trips.noneAccepted')}</Text>
          ) : (
            <Table aria-labelledby="completion-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('trips.company')}</Table.Th>
                  <Table.Th scope="col">{t('trips.daysAbroad')}</Table.Th>
                  <Table.Th scope="col">{t('trips.subsidySek')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trip.travelled.map((x) => (
                  <Table.Tr key={x.companyId}>
                    <Table.Td>
                      <CompanyName id={x.companyId} />
                    </Table.Td>
                    <Table.Td>{fmt.number(x.daysAbroad)}</Table.Td>
                    <Table.Td>{fmt.sek(x.subsidySek)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        )}
        {viewer.manage && (
          <div>
            <Button variant={completed ? 'outline' : 'filled'} onClick={() => setOpen(true)}>
              {completed ? t('trips.correct') : t('trips.complete')}
            </Button>
          </div>
        )}
      </Stack>
      <Modal size="lg" opened={open} onClose={() => setOpen(false)} title={completed ? t('trips.correct') : t('trips.complete')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        {open && (
          <CompletionForm
            trip={trip}
            mode={mode}
            onDone={() => {
              setOpen(false);
              setNotice(completed ? 'trips.corrected' : 'trips.completed');
            }}
          />
        )}
      </Modal>
    </Card>
  );
}

interface Row {
  companyId: string;
  travelled: boolean;
  daysAbroad: number | '';
  subsidySek: number | '';
}

export function CompletionForm({ trip, mode, onDone }: { trip: Trip; mode: 'complete' | 'correct'; onDone: (trip: Trip) => void }) {
  const participants = useParticipants(trip.id);
  if (participants.isPending) return <PageLoader />;
  if (participants.isError) return <TripErrorState error={participants.error} />;
  const accepted = participants.data.items.filter((p) => p.status === 'accepted').map((p) => p.companyId);
  const travelled = new Map((trip.travelled ?? []).map((x) => [x.companyId, x]));
  const ids = [...new Set([...accepted, ...travelled.keys()])];
  const rows: Row[] = ids.map((companyId) => {
    const earlier = travelled.get(companyId);
    if (mode === 'correct') return { companyId, travelled: !!earlier, daysAbroad: earlier?.daysAbroad ?? tripLength(trip), subsidySek: earlier?.subsidySek ?? '' };
    return { companyId, travelled: true, daysAbroad: tripLength(trip), subsidySek: '' };
  });
  return <CompletionRows trip={trip} mode={mode} initial={rows} onDone={onDone} />;
}

function CompletionRows({ trip, mode, initial, onDone }: { trip: Trip; mode: 'complete' | 'correct'; initial: Row[]; onDone: (trip: Trip) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [rows, setRows] = useState(initial);
  const completion = useCompletion(trip.id, mode);
  const serverErrors = tripFieldErrors(completion.error, t);
  const otherError = completion.error && !Object.keys(serverErrors).length ? completion.error : undefined;
  const chosen = rows.filter((r) => r.travelled);
  const setRow = (i: number, patch: Partial<Row>) => setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  // The service names a problem by the index in the list sent (`travelled.1.daysAbroad`).
  const errorOf = (row: Row, field: string) => {
    const index = chosen.indexOf(row);
    return index < 0 ? undefined : serverErrors[`travelled.${index}.${field}`];
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Travelled[] = chosen.map((r) => ({ companyId: r.companyId, daysAbroad: r.daysAbroad === '' ? 0 : r.daysAbroad, ...(r.subsidySek !== '' ? { subsidySek: r.subsidySek } : {}) }));
    completion.mutate(body, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={mode === 'complete' ? t('trips.complete') : t('trips.correct')}>
      <Stack>
        <Text size="sm">{t('trips.completeIntro')}</Text>
        {rows.length === 0 && <Text>{t('trips.noneAccepted')}</Text>}
        {rows.map((r, i) => (
          <CompletionRow key={r.companyId} row={r} defaultSubsidy={fmt.sek(trip.subsidyPerCompanySek)} maxDays={tripLength(trip)} onChange={(patch) => setRow(i, patch)} errorOf={(f) => errorOf(r, f)} />
        ))}
        {serverErrors['travelled'] && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {serverErrors['travelled']}
          </Text>
        )}
        {otherError ? <TripErrorState error={otherError} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={completion.isPending}>
            {mode === 'complete' ? t('trips.complete') : t('trips.correct')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CompletionRow({ row, defaultSubsidy, maxDays, onChange, errorOf }: { row: Row; defaultSubsidy: string; maxDays: number; onChange: (patch: Partial<Row>) => void; errorOf: (field: string) => string | undefined }) {
  const { t } = useTranslation();
  const name = useCompanyName(row.companyId);
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Checkbox label={t('trips.travelledCompany', { name })} checked={row.travelled} onChange={(e) => onChange({ travelled: e.currentTarget.checked })} error={errorOf('companyId')} />
        {row.travelled && (
          <Group grow>
            <NumberInput label={t('trips.daysAbroad')} min={1} max={maxDays} clampBehavior="none" allowDecimal={false} value={row.daysAbroad} onChange={(v) => onChange({ daysAbroad: typeof v === 'number' ? v : '' })} error={errorOf('daysAbroad')} aria-label={`${t('trips.daysAbroad')}: ${name}`} />
            <NumberInput label={t('trips.subsidySek')} description={t('trips.subsidyDefault', { amount: defaultSubsidy })} min={0} allowDecimal={false} thousandSeparator=" " value={row.subsidySek} onChange={(v) => onChange({ subsidySek: typeof v === 'number' ? v : '' })} error={errorOf('subsidySek')} aria-label={`${t('trips.subsidySek')}: ${name}`} />
          </Group>
        )}
      </Stack>
    </Card>
  );
}
