// Partner meetings of a trip's accepted companies: staff book them and record (or change) what came
// of each; financiers and the company read them (a company user without staff's notes).
import { Alert, Badge, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompanyName, useCompanyName } from '../../../components/company-picker';
import { PageLoader } from '../../../components/page-state';
import { localInputToIso, useFormat } from '../../../lib/format';
import { type Meeting, type Outcome, type Participant, type TargetRegion, type Trip, useBookMeeting, useMeetings, useParticipants, useRecordOutcome } from '../api/trips';
import { COUNTRY_OF_REGION, OUTCOMES, TARGET_REGIONS } from '../vocabulary';
import type { Viewer } from './applications-section';
import { tripFieldErrors } from './trip-field-errors';
import { TripErrorState } from './trip-error';

const OUTCOME_COLOR: Record<Outcome, string> = { 'no-interest': 'gray.8', 'follow-up': '#a3400b', 'offer-requested': 'blue.9', agreement: '#1b6e34' };

export function MeetingsSection({ trip, viewer }: { trip: Trip; viewer: Viewer }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const meetings = useMeetings(trip.id, viewer.ownCompanyId);
  const participants = useParticipants(trip.id, viewer.ownCompanyId);
  const [toRecord, setToRecord] = useState<Meeting>();
  const accepted = (participants.data?.items ?? []).filter((p) => p.status === 'accepted');
  const writable = viewer.manage && trip.status !== 'cancelled';

  return (
    <Card withBorder component="section" aria-labelledby="meetings-title">
      <Stack>
        <Title order={2} size="h3" id="meetings-title">
          {t('trips.meetings.title')}
          {meetings.data ? ` (${fmt.number(meetings.data.total)})` : ''}
        </Title>
        {meetings.isPending ? (
          <PageLoader />
        ) : meetings.isError ? (
          <TripErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
        ) : meetings.data.items.length === 0 ? (
          <Text>{t('trips.meetings.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-labelledby="meetings-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('trips.company')}</Table.Th>
                  <Table.Th scope="col">{t('trips.meetings.partner')}</Table.Th>
                  <Table.Th scope="col">{t('trips.meetings.at')}</Table.Th>
                  <Table.Th scope="col">{t('trips.meetings.place')}</Table.Th>
                  <Table.Th scope="col">{t('trips.meetings.outcome')}</Table.Th>
                  {writable && <Table.Th scope="col">{t('app.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {meetings.data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <CompanyName id={m.companyId} />
                    </Table.Td>
                    <Table.Td>
                      {partnerLabel(m)}
                      {m.partner.targetRegion ? ` · ${t(`trips.regions.${m.partner.targetRegion}`)}` : ` · ${m.partner.countryCode}`}
                    </Table.Td>
                    <Table.Td>{fmt.dateTime(m.at)}</Table.Td>
                    <Table.Td>{m.place ?? t('app.none')}</Table.Td>
                    <Table.Td>
                      {m.outcome ? <Badge color={OUTCOME_COLOR[m.outcome]}>{t(`trips.meetings.outcomes.${m.outcome}`)}</Badge> : <Text size="sm">{t('trips.meetings.noOutcome')}</Text>}
                      {m.followUpOn && <Text size="sm">{`${t('trips.meetings.followUpOn')}: ${fmt.date(m.followUpOn)}`}</Text>}
                      {m.notes && <Text size="sm">{m.notes}</Text>}
                    </Table.Td>
                    {writable && (
                      <Table.Td>
                        <Button size="xs" variant="light" onClick={() => setToRecord(m)} aria-label={`${m.outcome ? t('trips.meetings.change') : t('trips.meetings.record')}: ${partnerLabel(m)}`}>
                          {m.outcome ? t('trips.meetings.change') : t('trips.meetings.record')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {writable && (accepted.length ? <BookMeetingForm trip={trip} accepted={accepted} /> : <Text size="sm">{t('trips.meetings.needsAccepted')}</Text>)}
      </Stack>
      <Modal opened={!!toRecord} onClose={() => setToRecord(undefined)} title={toRecord ? t('trips.meetings.recordFor', { partner: partnerLabel(toRecord) }) : ''} closeButtonProps={{ 'aria-label': t('app.close') }}>
        {toRecord && <OutcomeForm tripId={trip.id} meeting={toRecord} onRecorded={() => setToRecord(undefined)} />}
      </Modal>
    </Card>
  );
}

function partnerLabel(m: Meeting): string {
  return m.partner.name ?? m.partner.id ?? '';
}

function AcceptedOption({ participant }: { participant: Participant }) {
  return <option value={participant.companyId}>{useCompanyName(participant.companyId)}</option>;
}

export function BookMeetingForm({ trip, accepted }: { trip: Trip; accepted: Participant[] }) {
  const { t } = useTranslation();
  const [companyId, setCompanyId] = useState(accepted.length === 1 ? accepted[0].companyId : '');
  const [partnerName, setPartnerName] = useState('');
  const [country, setCountry] = useState(trip.destinations[0]?.country ?? '');
  const [region, setRegion] = useState<TargetRegion | ''>(trip.destinations[0]?.targetRegion ?? '');
  const [at, setAt] = useState('');
  const [place, setPlace] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const book = useBookMeeting(trip.id);
  const serverErrors = tripFieldErrors(book.error, t);
  const errorOf = (f: string) => missing[f] ?? serverErrors[f];
  const otherError = book.error && !Object.keys(serverErrors).length ? book.error : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    for (const [f, v] of [
      ['companyId', companyId],
      ['partner.name', partnerName.trim()],
      ['partner.countryCode', country.trim()],
      ['at', at],
    ] as const)
      if (!v) m[f] = t('validation.required');
    setMissing(m);
    setDone(false);
    if (Object.keys(m).length) return;
    book.mutate(
      {
        companyId,
        partner: { name: partnerName.trim(), countryCode: country.trim().toUpperCase(), ...(region ? { targetRegion: region } : {}) },
        at: localInputToIso(at),
        ...(place.trim() ? { place: place.trim() } : {}),
      },
      {
        onSuccess: () => {
          setDone(true);
          setPartnerName('');
          setAt('');
          setPlace('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="book-title">
      <Stack>
        <Title order={3} size="h4" id="book-title">
          {t('trips.meetings.book')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('trips.meetings.company')} name="companyId" required value={companyId} onChange={(e) => setCompanyId(e.currentTarget.value)} error={errorOf('companyId')}>
            <option value="" />
            {accepted.map((p) => (
              <AcceptedOption key={p.id} participant={p} />
            ))}
          </NativeSelect>
          <TextInput label={t('trips.meetings.partnerName')} name="partner.name" required value={partnerName} onChange={(e) => setPartnerName(e.currentTarget.value)} error={errorOf('partner.name') ?? errorOf('partner')} />
          <TextInput label={t('trips.meetings.partnerCountry')} name="partner.countryCode" required maxLength={2} value={country} onChange={(e) => setCountry(e.currentTarget.value)} error={errorOf('partner.countryCode')} />
          <NativeSelect
            label={t('trips.meetings.partnerRegion')}
            name="partner.targetRegion"
            value={region}
            onChange={(e) => {
              const r = e.currentTarget.value as TargetRegion | '';
              setRegion(r);
              if (r && !country.trim()) setCountry(COUNTRY_OF_REGION[r]);
            }}
            data={[{ value: '', label: t('trips.noTargetRegion') }, ...TARGET_REGIONS.map((r) => ({ value: r, label: t(`trips.regions.${r}`) }))]}
            error={errorOf('partner.targetRegion')}
          />
          <TextInput label={t('trips.meetings.at')} name="at" type="datetime-local" required value={at} onChange={(e) => setAt(e.currentTarget.value)} error={errorOf('at')} />
          <TextInput label={t('trips.meetings.place')} name="place" value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={errorOf('place')} />
        </SimpleGrid>
        {done && <Alert color="green" role="status" title={t('trips.meetings.booked')} />}
        {otherError ? <TripErrorState error={otherError} /> : null}
        <div>
          <Button type="submit" loading={book.isPending}>
            {t('trips.meetings.book')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

export function OutcomeForm({ tripId, meeting, onRecorded }: { tripId: string; meeting: Meeting; onRecorded?: (m: Meeting) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>(meeting.outcome ?? 'follow-up');
  const [followUpOn, setFollowUpOn] = useState(meeting.followUpOn ?? '');
  const [notes, setNotes] = useState(meeting.notes ?? '');
  const record = useRecordOutcome(tripId);
  const serverErrors = tripFieldErrors(record.error, t);
  const otherError = record.error && !Object.keys(serverErrors).length ? record.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Notes sent empty are cleared (null); the follow-up day left empty means none.
    record.mutate({ meetingId: meeting.id, body: { outcome, followUpOn: followUpOn || null, notes: notes.trim() || null } }, { onSuccess: (m) => onRecorded?.(m) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('trips.meetings.record')}>
      <Stack>
        <NativeSelect label={t('trips.meetings.outcome')} name="outcome" required value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as Outcome)} data={OUTCOMES.map((o) => ({ value: o, label: t(`trips.meetings.outcomes.${o}`) }))} error={serverErrors['outcome']} />
        <TextInput label={t('trips.meetings.followUpOn')} name="followUpOn" type="date" value={followUpOn} onChange={(e) => setFollowUpOn(e.currentTarget.value)} error={serverErrors['followUpOn']} />
        <Textarea label={t('trips.meetings.notes')} name="notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={serverErrors['notes']} />
        {otherError ? <TripErrorState error={otherError} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
