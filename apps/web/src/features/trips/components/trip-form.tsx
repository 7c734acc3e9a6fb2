// Plans a trip (POST) or changes one (PATCH): every field of the service, its validation messages on
// the field they name (`destinations.1.targetRegion` on that destination's region).
import { Button, Checkbox, Fieldset, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlanTrip, type TargetRegion, type Trip, type TripFinancier, usePlanTrip, useUpdateTrip } from '../api/trips';
import { COUNTRY_OF_REGION, TARGET_REGIONS, TRIP_FINANCIERS } from '../vocabulary';
import { tripFieldErrors } from './trip-field-errors';
import { TripErrorState } from './trip-error';

interface DestinationDraft {
  key: number;
  country: string;
  targetRegion: TargetRegion | '';
  city: string;
}

interface Draft {
  title: string;
  purpose: string;
  destinations: DestinationDraft[];
  startsOn: string;
  endsOn: string;
  capacity: number | '';
  applicationClosesOn: string;
  financiers: TripFinancier[];
  subsidyPerCompanySek: number | '';
}

let nextKey = 1;
const emptyDestination = (): DestinationDraft => ({ key: nextKey++, country: '', targetRegion: '', city: '' });

function draftOf(trip?: Trip): Draft {
  if (!trip)
    return { title: '', purpose: '', destinations: [emptyDestination()], startsOn: '', endsOn: '', capacity: '', applicationClosesOn: '', financiers: [], subsidyPerCompanySek: '' };
  return {
    title: trip.title,
    purpose: trip.purpose,
    destinations: trip.destinations.map((d) => ({ key: nextKey++, country: d.country, targetRegion: d.targetRegion ?? '', city: d.city ?? '' })),
    startsOn: trip.startsOn,
    endsOn: trip.endsOn,
    capacity: trip.capacity ?? '',
    applicationClosesOn: trip.applicationClosesOn ?? '',
    financiers: trip.financiers,
    subsidyPerCompanySek: trip.subsidyPerCompanySek,
  };
}

// Fits both the plan (POST) and the change (PATCH), whose types differ only in what may be null.
type TripBody = Pick<PlanTrip, 'title' | 'purpose' | 'destinations' | 'startsOn' | 'endsOn'> & {
  capacity?: number | null;
  applicationClosesOn?: string | null;
  financiers: TripFinancier[];
  subsidyPerCompanySek?: number;
};

function toBody(d: Draft, editing: boolean): TripBody {
  return {
    title: d.title.trim(),
    purpose: d.purpose.trim(),
    destinations: d.destinations.map((x) => ({
      country: x.country.trim().toUpperCase(),
      ...(x.targetRegion ? { targetRegion: x.targetRegion } : {}),
      ...(x.city.trim() ? { city: x.city.trim() } : {}),
    })),
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    // In a change, null clears the limit and the deadline; in a plan, leaving them out is the same.
    ...(d.capacity !== '' ? { capacity: d.capacity } : editing ? { capacity: null } : {}),
    ...(d.applicationClosesOn ? { applicationClosesOn: d.applicationClosesOn } : editing ? { applicationClosesOn: null } : {}),
    financiers: d.financiers,
    ...(d.subsidyPerCompanySek !== '' ? { subsidyPerCompanySek: d.subsidyPerCompanySek } : {}),
  };
}

export function TripForm({ trip, onSaved }: { trip?: Trip; onSaved: (trip: Trip) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(trip));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const plan = usePlanTrip();
  const update = useUpdateTrip(trip?.id ?? '');
  const mutation = trip ? update : plan;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setDestination = (i: number, patch: Partial<DestinationDraft>) =>
    setDraft((d) => ({ ...d, destinations: d.destinations.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  const serverErrors = tripFieldErrors(mutation.error, t);
  const errorOf = (field: string) => missing[field] ?? serverErrors[field];
  const otherError = mutation.error && !Object.keys(serverErrors).length ? mutation.error : undefined;
  const submitLabel = trip ? t('app.save') : t('trips.plan');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    const required: [string, string][] = [
      ['title', draft.title.trim()],
      ['purpose', draft.purpose.trim()],
      ['startsOn', draft.startsOn],
      ['endsOn', draft.endsOn],
      ...draft.destinations.map((x, i) => [`destinations.${i}.country`, x.country.trim()] as [string, string]),
    ];
    for (const [field, value] of required) if (!value) m[field] = t('validation.required');
    setMissing(m);
    if (Object.keys(m).length) return;
    const body = toBody(draft, !!trip);
    if (trip) update.mutate(body, { onSuccess: onSaved });
    else plan.mutate(body, { onSuccess: onSaved });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={trip ? t('trips.edit') : t('trips.plan')}>
      <Stack maw={820}>
        <TextInput label={t('trips.tripTitle')} name="title" required value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} error={errorOf('title')} />
        <Textarea label={t('trips.purpose')} description={t('trips.purposeHint')} name="purpose" required autosize minRows={2} value={draft.purpose} onChange={(e) => set('purpose', e.currentTarget.value)} error={errorOf('purpose')} />
        <Fieldset legend={t('trips.destinations')}>
          <Stack>
            {draft.destinations.map((x, i) => (
              <Fieldset key={x.key} legend={t('trips.destination', { n: i + 1 })} variant="unstyled">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t('trips.country')}
                    description={t('trips.countryHint')}
                    name={`destinations.${i}.country`}
                    required
                    maxLength={2}
                    value={x.country}
                    onChange={(e) => setDestination(i, { country: e.currentTarget.value })}
                    error={errorOf(`destinations.${i}.country`) ?? errorOf(`destinations.${i}`)}
                  />
                  <NativeSelect
                    label={t('trips.targetRegion')}
                    name={`destinations.${i}.targetRegion`}
                    value={x.targetRegion}
                    onChange={(e) => {
                      const region = e.currentTarget.value as TargetRegion | '';
                      // A region lies in one country: fill it in when none is given yet.
                      setDestination(i, { targetRegion: region, ...(region && !x.country.trim() ? { country: COUNTRY_OF_REGION[region] } : {}) });
                    }}
                    data={[{ value: '', label: t('trips.noTargetRegion') }, ...TARGET_REGIONS.map((r) => ({ value: r, label: t(`trips.regions.${r}`) }))]}
                    error={errorOf(`destinations.${i}.targetRegion`)}
                  />
                  <TextInput label={t('trips.city')} name={`destinations.${i}.city`} value={x.city} onChange={(e) => setDestination(i, { city: e.currentTarget.value })} error={errorOf(`destinations.${i}.city`)} />
                </SimpleGrid>
                {draft.destinations.length > 1 && (
                  <Button mt="xs" size="xs" variant="subtle" color="red" onClick={() => set('destinations', draft.destinations.filter((_, j) => j !== i))}>
                    {t('trips.removeDestination', { n: i + 1 })}
                  </Button>
                )}
              </Fieldset>
            ))}
            {errorOf('destinations') && (
              <Text size="sm" c="var(--mantine-color-error)" role="alert">
                {errorOf('destinations')}
              </Text>
            )}
            <div>
              <Button variant="light" size="xs" onClick={() => set('destinations', [...draft.destinations, emptyDestination()])} disabled={draft.destinations.length >= 30}>
                {t('trips.addDestination')}
              </Button>
            </div>
          </Stack>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('trips.startsOn')} name="startsOn" type="date" required value={draft.startsOn} onChange={(e) => set('startsOn', e.currentTarget.value)} error={errorOf('startsOn')} />
          <TextInput label={t('trips.endsOn')} name="endsOn" type="date" required value={draft.endsOn} onChange={(e) => set('endsOn', e.currentTarget.value)} error={errorOf('endsOn')} />
          <NumberInput label={t('trips.capacity')} description={t('trips.capacityHint')} name="capacity" min={1} max={200} allowDecimal={false} value={draft.capacity} onChange={(v) => set('capacity', typeof v === 'number' ? v : '')} error={errorOf('capacity')} />
          <TextInput label={t('trips.applicationClosesOn')} description={t('trips.applicationClosesHint')} name="applicationClosesOn" type="date" value={draft.applicationClosesOn} onChange={(e) => set('applicationClosesOn', e.currentTarget.value)} error={errorOf('applicationClosesOn')} />
          <NumberInput label={t('trips.subsidy')} name="subsidyPerCompanySek" min={0} allowDecimal={false} thousandSeparator=" " value={draft.subsidyPerCompanySek} onChange={(v) => set('subsidyPerCompanySek', typeof v === 'number' ? v : '')} error={errorOf('subsidyPerCompanySek')} />
        </SimpleGrid>
        <Checkbox.Group label={t('trips.financiers')} value={draft.financiers} onChange={(v) => set('financiers', v as TripFinancier[])} error={errorOf('financiers')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {TRIP_FINANCIERS.map((f) => (
              <Checkbox key={f} value={f} label={t(`trips.financierNames.${f}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {otherError ? <TripErrorState error={otherError} /> : null}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
