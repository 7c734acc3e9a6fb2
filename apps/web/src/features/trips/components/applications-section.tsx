// Applications of companies for a trip: apply (staff for any company, a company user for its own),
// and staff's decisions (accept, decline) and withdrawals, with the service's refusals in words.
import { Badge, Button, Card, Fieldset, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title, Alert } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompanyName, CompanyPicker, useCompanyName } from '../../../components/company-picker';
import { PageLoader } from '../../../components/page-state';
import { useFormat } from '../../../lib/format';
import { type Decision, type Participant, type ParticipantStatus, type Trip, type TravellerGender, useApply, useDecide, useParticipants } from '../api/trips';
import { PARTICIPANT_STATUSES, TRAVELLER_GENDERS } from '../vocabulary';
import { tripFieldErrors } from './trip-field-errors';
import { TripErrorState } from './trip-error';

const STATUS_COLOR: Record<ParticipantStatus, string> = { applied: 'gray.8', accepted: '#1b6e34', declined: 'red.9', withdrawn: 'gray.7' };

export interface Viewer {
  /** Staff or admin: may decide and book. */
  manage: boolean;
  /** A company user's own company: applies and withdraws for it only. */
  ownCompanyId?: string;
}

function todayInSweden(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Applications are taken while the trip is open, before its first day (and its deadline). */
export function takesApplications(trip: Trip): boolean {
  const today = todayInSweden();
  return trip.status === 'open' && today < trip.startsOn && (!trip.applicationClosesOn || today <= trip.applicationClosesOn);
}

export function ApplicationsSection({ trip, viewer }: { trip: Trip; viewer: Viewer }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const participants = useParticipants(trip.id, viewer.ownCompanyId);
  const decide = useDecide(trip.id);
  const [filter, setFilter] = useState<ParticipantStatus | ''>('');
  const [toWithdraw, setToWithdraw] = useState<Participant>();
  const decidable = trip.status === 'open' || trip.status === 'closed';
  const started = todayInSweden() >= trip.startsOn;
  const items = (participants.data?.items ?? []).filter((p) => !filter || p.status === filter);
  const canApply = (viewer.manage || viewer.ownCompanyId) && takesApplications(trip);

  return (
    <Card withBorder component="section" aria-labelledby="applications-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id="applications-title">
            {t('trips.applications.title')}
            {participants.data ? ` (${fmt.number(participants.data.total)})` : ''}
          </Title>
          <NativeSelect
            label={t('trips.applications.filterStatus')}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value as ParticipantStatus | '')}
            data={[{ value: '', label: t('app.all') }, ...PARTICIPANT_STATUSES.map((s) => ({ value: s, label: t(`trips.applications.statuses.${s}`) }))]}
          />
        </Group>
        {decide.isError && <TripErrorState error={decide.error} />}
        {participants.isPending ? (
          <PageLoader />
        ) : participants.isError ? (
          <TripErrorState error={participants.error} onRetry={() => void participants.refetch()} />
        ) : items.length === 0 ? (
          <Text>{t('trips.applications.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-labelledby="applications-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('trips.company')}</Table.Th>
                  <Table.Th scope="col">{t('trips.applications.status')}</Table.Th>
                  <Table.Th scope="col">{t('trips.applications.travellers')}</Table.Th>
                  <Table.Th scope="col">{t('trips.applications.appliedAt')}</Table.Th>
                  {(viewer.manage || viewer.ownCompanyId) && <Table.Th scope="col">{t('app.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <CompanyName id={p.companyId} />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[p.status]}>{t(`trips.applications.statuses.${p.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <TravellerList participant={p} />
                    </Table.Td>
                    <Table.Td>{fmt.dateTime(p.appliedAt)}</Table.Td>
                    {(viewer.manage || viewer.ownCompanyId) && (
                      <Table.Td>
                        <Actions
                          participant={p}
                          canDecide={viewer.manage && decidable && p.status === 'applied'}
                          canWithdraw={decidable && !started && (p.status === 'applied' || p.status === 'accepted')}
                          busy={decide.isPending}
                          onDecide={(decision) => (decision === 'withdraw' ? setToWithdraw(p) : decide.mutate({ participantId: p.id, decision }))}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canApply && <ApplyForm tripId={trip.id} ownCompanyId={viewer.ownCompanyId} />}
      </Stack>
      <Modal opened={!!toWithdraw} onClose={() => setToWithdraw(undefined)} title={t('trips.applications.withdraw')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        {toWithdraw && <WithdrawConfirm participant={toWithdraw} busy={decide.isPending} onCancel={() => setToWithdraw(undefined)} onConfirm={() => decide.mutate({ participantId: toWithdraw.id, decision: 'withdraw' }, { onSettled: () => setToWithdraw(undefined) })} />}
      </Modal>
    </Card>
  );
}

function WithdrawConfirm({ participant, busy, onCancel, onConfirm }: { participant: Participant; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const name = useCompanyName(participant.companyId);
  return (
    <Stack>
      <Text>{t('trips.applications.withdrawConfirm', { name })}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
        <Button color="red" loading={busy} onClick={onConfirm}>
          {t('trips.applications.withdraw')}
        </Button>
      </Group>
    </Stack>
  );
}

function Actions({ participant, canDecide, canWithdraw, busy, onDecide }: { participant: Participant; canDecide: boolean; canWithdraw: boolean; busy: boolean; onDecide: (d: Decision) => void }) {
  const { t } = useTranslation();
  const name = useCompanyName(participant.companyId);
  if (!canDecide && !canWithdraw) return <>{t('app.none')}</>;
  return (
    <Group gap="xs" wrap="nowrap">
      {canDecide && (
        <>
          <Button size="xs" disabled={busy} onClick={() => onDecide('accept')} aria-label={`${t('trips.applications.accept')}: ${name}`}>
            {t('trips.applications.accept')}
          </Button>
          <Button size="xs" variant="outline" color="red" disabled={busy} onClick={() => onDecide('decline')} aria-label={`${t('trips.applications.decline')}: ${name}`}>
            {t('trips.applications.decline')}
          </Button>
        </>
      )}
      {canWithdraw && (
        <Button size="xs" variant="subtle" color="red" disabled={busy} onClick={() => onDecide('withdraw')} aria-label={`${t('trips.applications.withdraw')}: ${name}`}>
          {t('trips.applications.withdraw')}
        </Button>
      )}
    </Group>
  );
}

/** Travellers as the caller may see them: a financier gets no names (the service hides them). */
function TravellerList({ participant }: { participant: Participant }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      {participant.travellers.map((v, i) => (
        <Text size="sm" key={i}>
          {v.personalDataErasedAt ? t('trips.applications.erased') : (v.name ?? (v.contactId ? t('trips.applications.contact') : t('trips.applications.hidden')))}
          {' · '}
          {t(`trips.applications.genders.${v.gender}`)}
        </Text>
      ))}
    </Stack>
  );
}

interface TravellerDraft {
  key: number;
  name: string;
  email: string;
  gender: TravellerGender;
}
let nextKey = 1;
const emptyTraveller = (): TravellerDraft => ({ key: nextKey++, name: '', email: '', gender: 'undisclosed' });

export function ApplyForm({ tripId, ownCompanyId, onApplied }: { tripId: string; ownCompanyId?: string; onApplied?: (p: Participant) => void }) {
  const { t } = useTranslation();
  const [companyId, setCompanyId] = useState(ownCompanyId ?? '');
  const [travellers, setTravellers] = useState<TravellerDraft[]>([emptyTraveller()]);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const apply = useApply(tripId);
  const serverErrors = tripFieldErrors(apply.error, t);
  const errorOf = (f: string) => missing[f] ?? serverErrors[f];
  const otherError = apply.error && !Object.keys(serverErrors).length ? apply.error : undefined;
  const setTraveller = (i: number, patch: Partial<TravellerDraft>) => setTravellers((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!companyId) m['companyId'] = t('validation.required');
    travellers.forEach((x, i) => {
      if (!x.name.trim()) m[`travellers.${i}.name`] = t('validation.required');
    });
    setMissing(m);
    setDone(false);
    if (Object.keys(m).length) return;
    apply.mutate(
      { companyId, travellers: travellers.map((x) => ({ name: x.name.trim(), gender: x.gender, ...(x.email.trim() ? { email: x.email.trim() } : {}) })) },
      {
        onSuccess: (p) => {
          setDone(true);
          setTravellers([emptyTraveller()]);
          onApplied?.(p);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="apply-title">
      <Stack>
        <Title order={3} size="h4" id="apply-title">
          {ownCompanyId ? t('trips.applications.applyOwn') : t('trips.applications.apply')}
        </Title>
        {!ownCompanyId && <CompanyPicker searchLabel={t('trips.companySearch')} label={t('trips.company')} value={companyId} onChange={setCompanyId} error={errorOf('companyId')} />}
        {travellers.map((x, i) => (
          <Fieldset key={x.key} legend={t('trips.applications.traveller', { n: i + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('trips.applications.name')} name={`travellers.${i}.name`} required value={x.name} onChange={(e) => setTraveller(i, { name: e.currentTarget.value })} error={errorOf(`travellers.${i}.name`) ?? errorOf(`travellers.${i}`)} />
              <TextInput label={t('trips.applications.email')} name={`travellers.${i}.email`} type="email" value={x.email} onChange={(e) => setTraveller(i, { email: e.currentTarget.value })} error={errorOf(`travellers.${i}.email`)} />
              <NativeSelect
                label={t('trips.applications.gender')}
                name={`travellers.${i}.gender`}
                value={x.gender}
                onChange={(e) => setTraveller(i, { gender: e.currentTarget.value as TravellerGender })}
                data={TRAVELLER_GENDERS.map((g) => ({ value: g, label: t(`trips.applications.genders.${g}`) }))}
                error={errorOf(`travellers.${i}.gender`)}
              />
            </SimpleGrid>
            {travellers.length > 1 && (
              <Button mt="xs" size="xs" variant="subtle" color="red" onClick={() => setTravellers((list) => list.filter((_, j) => j !== i))}>
                {t('trips.applications.removeTraveller', { n: i + 1 })}
              </Button>
            )}
          </Fieldset>
        ))}
        {errorOf('travellers') && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {errorOf('travellers')}
          </Text>
        )}
        <div>
          <Button variant="light" size="xs" onClick={() => setTravellers((list) => [...list, emptyTraveller()])} disabled={travellers.length >= 20}>
            {t('trips.applications.addTraveller')}
          </Button>
        </div>
        {done && <Alert color="green" role="status" title={t('trips.applications.applied')} />}
        {otherError ? <TripErrorState error={otherError} /> : null}
        <div>
          <Button type="submit" loading={apply.isPending}>
            {ownCompanyId ? t('trips.applications.applyOwn') : t('trips.applications.apply')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
