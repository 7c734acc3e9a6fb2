import { Alert, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../components/field-errors';
import { ErrorState } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';
import { type Gender, type Trip, useApply } from '../api/my-company';

const GENDERS: Gender[] = ['woman', 'man', 'non-binary', 'undisclosed'];
const MAX_TRAVELLERS = 20; // the service's limit (ApplyDto.travellers)

interface Row {
  key: number;
  name: string;
  email: string;
  gender: Gender;
}

let nextKey = 0;
const emptyRow = (): Row => ({ key: nextKey++, name: '', email: '', gender: 'undisclosed' });

/** A company user's application for a trip, for its own company, with the people who would travel. */
export function ApplyTripForm({ trip, companyId, onApplied }: { trip: Trip; companyId: string; onApplied?: () => void }) {
  const { t, i18n } = useTranslation();
  const apply = useApply(trip.id);
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [required, setRequired] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(apply.error, t);
  const errors = { ...serverErrors, ...required };
  const refusal = apply.error instanceof ApiError && !Object.keys(serverErrors).length ? apply.error : undefined;
  const knownRefusal = refusal && i18n.exists(`myCompany.errors.${refusal.code}`) ? t(`myCompany.errors.${refusal.code}`) : undefined;
  const set = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (!r.name.trim()) m[`travellers.${i}.name`] = t('validation.required');
    });
    setRequired(m);
    if (Object.keys(m).length) return;
    apply.mutate(
      { companyId, travellers: rows.map((r) => ({ name: r.name.trim(), email: r.email.trim() || null, gender: r.gender })) },
      { onSuccess: () => onApplied?.() },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('myCompany.trips.applyTitle', { title: trip.title })}>
      <Stack gap="sm">
        {rows.map((r, i) => (
          <Fieldset key={r.key} legend={t('myCompany.trips.travellerN', { n: i + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('myCompany.trips.name')} required value={r.name} onChange={(e) => set(r.key, { name: e.currentTarget.value })} error={errors[`travellers.${i}.name`]} />
              <TextInput label={t('myCompany.trips.email')} type="email" value={r.email} onChange={(e) => set(r.key, { email: e.currentTarget.value })} error={errors[`travellers.${i}.email`]} />
              <NativeSelect
                label={t('myCompany.trips.gender')}
                value={r.gender}
                onChange={(e) => set(r.key, { gender: e.currentTarget.value as Gender })}
                data={GENDERS.map((g) => ({ value: g, label: t(`myCompany.trips.genders.${g}`) }))}
                error={errors[`travellers.${i}.gender`]}
              />
            </SimpleGrid>
            {rows.length > 1 && (
              <Button variant="subtle" color="red" size="xs" mt="xs" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                {t('myCompany.trips.removeTraveller', { n: i + 1 })}
              </Button>
            )}
          </Fieldset>
        ))}
        {errors['travellers'] && (
          <Alert color="red" role="alert" title={errors['travellers']} />
        )}
        {knownRefusal ? <Alert color="red" role="alert" title={knownRefusal} /> : refusal && <ErrorState error={refusal} />}
        <Group>
          {rows.length < MAX_TRAVELLERS && (
            <Button variant="default" onClick={() => setRows((rs) => [...rs, emptyRow()])}>
              {t('myCompany.trips.addTraveller')}
            </Button>
          )}
          <Button type="submit" loading={apply.isPending}>
            {t('myCompany.trips.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
