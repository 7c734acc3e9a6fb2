// Forms a ring or circle (POST), or changes its name, city and facilitator (PATCH; the kind is fixed).
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../components/field-errors';
import { type ExportRing, type RingKind, useCreateRing, useUpdateRing } from '../api/export-rings';
import { RingErrorState } from './ring-error';

export const RING_KINDS: readonly RingKind[] = ['export-ring', 'export-circle'];

export function RingForm({ ring, onSaved }: { ring?: ExportRing; onSaved: (ring: ExportRing) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RingKind>(ring?.kind ?? 'export-ring');
  const [name, setName] = useState(ring?.name ?? '');
  const [city, setCity] = useState(ring?.city ?? '');
  const [facilitator, setFacilitator] = useState(ring?.facilitator ?? '');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const create = useCreateRing();
  const update = useUpdateRing(ring?.id ?? '');
  const mutation = ring ? update : create;
  const serverErrors = fieldErrorsOf(mutation.error, t);
  const errorOf = (f: string) => missing[f] ?? serverErrors[f];
  const otherError = mutation.error && !Object.keys(serverErrors).length ? mutation.error : undefined;
  const label = ring ? t('app.save') : t('exportRings.create');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    for (const [f, v] of [
      ['name', name.trim()],
      ['city', city.trim()],
      ['facilitator', facilitator.trim()],
    ] as const)
      if (!v) m[f] = t('validation.required');
    setMissing(m);
    if (Object.keys(m).length) return;
    const body = { name: name.trim(), city: city.trim(), facilitator: facilitator.trim() };
    if (ring) update.mutate(body, { onSuccess: onSaved });
    else
      create.mutate(
        { kind, ...body },
        {
          onSuccess: (r) => {
            setName('');
            setCity('');
            setFacilitator('');
            onSaved(r);
          },
        },
      );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={ring ? t('exportRings.edit') : t('exportRings.create')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {!ring && <NativeSelect label={t('exportRings.kind')} name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as RingKind)} data={RING_KINDS.map((k) => ({ value: k, label: t(`exportRings.kinds.${k}`) }))} error={errorOf('kind')} />}
          <TextInput label={t('exportRings.name')} name="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorOf('name')} />
          <TextInput label={t('exportRings.city')} name="city" required value={city} onChange={(e) => setCity(e.currentTarget.value)} error={errorOf('city')} />
          <TextInput label={t('exportRings.facilitator')} description={t('exportRings.facilitatorHint')} name="facilitator" required value={facilitator} onChange={(e) => setFacilitator(e.currentTarget.value)} error={errorOf('facilitator')} />
        </SimpleGrid>
        {otherError ? <RingErrorState error={otherError} /> : null}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
