import { Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../components/field-errors';
import { ErrorState } from '../../../components/page-state';
import { localInputToIso } from '../../../lib/format';
import { type EventKind, type EventTopic, type Financier, type ProgrammeEvent, type ScheduleEvent, useScheduleEvent } from '../api/events';
import { FINANCIERS, KINDS, RING_KINDS, TOPICS } from '../vocabulary';

interface Draft {
  kind: EventKind;
  title: string;
  topic: EventTopic;
  startsAt: string; // datetime-local, the device's time
  endsAt: string;
  city: string;
  country: string;
  capacity: number | '';
  registrationClosesAt: string;
  targetCountry: string;
  financiers: Financier[];
  ringId: string;
}

const EMPTY: Draft = {
  kind: 'seminar',
  title: '',
  topic: 'market-entry',
  startsAt: '',
  endsAt: '',
  city: '',
  country: 'SE',
  capacity: '',
  registrationClosesAt: '',
  targetCountry: '',
  financiers: [],
  ringId: '',
};

function toBody(d: Draft): ScheduleEvent {
  return {
    kind: d.kind,
    title: d.title.trim(),
    topic: d.topic,
    startsAt: localInputToIso(d.startsAt),
    endsAt: localInputToIso(d.endsAt),
    location: { city: d.city.trim(), country: d.country.trim().toUpperCase() },
    ...(d.capacity !== '' ? { capacity: d.capacity } : {}),
    ...(d.registrationClosesAt ? { registrationClosesAt: localInputToIso(d.registrationClosesAt) } : {}),
    ...(d.targetCountry.trim() ? { targetCountry: d.targetCountry.trim().toUpperCase() } : {}),
    ...(d.financiers.length ? { financiers: d.financiers } : {}),
    ...(RING_KINDS.includes(d.kind) && d.ringId.trim() ? { ringId: d.ringId.trim() } : {}),
  };
}

export function ScheduleEventForm({ onScheduled }: { onScheduled: (event: ProgrammeEvent) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const schedule = useScheduleEvent();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const serverErrors = fieldErrorsOf(schedule.error, t);
  const errorOf = (field: string) => missing[field] ?? serverErrors[field];
  const otherError = schedule.error && !Object.keys(serverErrors).length ? schedule.error : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    for (const [field, value] of [
      ['title', draft.title.trim()],
      ['startsAt', draft.startsAt],
      ['endsAt', draft.endsAt],
      ['location.city', draft.city.trim()],
      ['location.country', draft.country.trim()],
    ] as const)
      if (!value) m[field] = t('validation.required');
    setMissing(m);
    if (Object.keys(m).length) return;
    schedule.mutate(toBody(draft), { onSuccess: onScheduled });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('events.schedule')}>
      <Stack maw={760}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label={t('events.kind')} name="kind" required value={draft.kind} onChange={(e) => set('kind', e.currentTarget.value as EventKind)} data={KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))} error={errorOf('kind')} />
          <NativeSelect label={t('events.topic')} name="topic" required value={draft.topic} onChange={(e) => set('topic', e.currentTarget.value as EventTopic)} data={TOPICS.map((k) => ({ value: k, label: t(`events.topics.${k}`) }))} error={errorOf('topic')} />
        </SimpleGrid>
        <TextInput label={t('events.eventTitle')} name="title" required value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} error={errorOf('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('events.startsAt')} name="startsAt" type="datetime-local" required value={draft.startsAt} onChange={(e) => set('startsAt', e.currentTarget.value)} error={errorOf('startsAt')} />
          <TextInput label={t('events.endsAt')} name="endsAt" type="datetime-local" required value={draft.endsAt} onChange={(e) => set('endsAt', e.currentTarget.value)} error={errorOf('endsAt')} />
          <TextInput label={t('events.city')} name="city" required value={draft.city} onChange={(e) => set('city', e.currentTarget.value)} error={errorOf('location.city')} />
          <TextInput label={t('events.country')} name="country" required maxLength={2} value={draft.country} onChange={(e) => set('country', e.currentTarget.value)} error={errorOf('location.country')} />
          <NumberInput label={t('events.capacity')} description={t('events.capacityHint')} name="capacity" min={1} allowDecimal={false} value={draft.capacity} onChange={(v) => set('capacity', typeof v === 'number' ? v : '')} error={errorOf('capacity')} />
          <TextInput label={t('events.registrationClosesAt')} name="registrationClosesAt" type="datetime-local" value={draft.registrationClosesAt} onChange={(e) => set('registrationClosesAt', e.currentTarget.value)} error={errorOf('registrationClosesAt')} />
          <TextInput label={t('events.targetCountry')} name="targetCountry" maxLength={2} value={draft.targetCountry} onChange={(e) => set('targetCountry', e.currentTarget.value)} error={errorOf('targetCountry')} />
          {RING_KINDS.includes(draft.kind) && <TextInput label={t('events.ringId')} name="ringId" required value={draft.ringId} onChange={(e) => set('ringId', e.currentTarget.value)} error={errorOf('ringId')} />}
        </SimpleGrid>
        <Checkbox.Group label={t('events.financiers')} value={draft.financiers} onChange={(v) => set('financiers', v as Financier[])} error={errorOf('financiers')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {FINANCIERS.map((f) => (
              <Checkbox key={f} value={f} label={t(`events.financierNames.${f}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {otherError ? <ErrorState error={otherError} /> : null}
        <Group>
          <Button type="submit" loading={schedule.isPending}>
            {t('events.schedule')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
