import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../components/field-errors';
import { ErrorState } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';
import { type CompanyDetail, type County, type CreateCompany, type Municipality, useRegisterCompany } from '../api/companies';
import { checkOrgNumber, normalizeOrgNumber } from '../org-number';
import { COUNTIES, MUNICIPALITIES } from '../vocabulary';
import { OrgNumberInput } from './org-number-input';

interface Draft {
  name: string;
  orgNumber: string;
  municipality: Municipality | '';
  county: County | '';
  employees: number | '';
  sniCode: string;
  website: string;
  description: string;
}

const EMPTY: Draft = { name: '', orgNumber: '', municipality: '', county: '', employees: '', sniCode: '', website: '', description: '' };

/** The body the service expects: optional fields left out when empty. */
function toBody(d: Draft): CreateCompany {
  return {
    name: d.name.trim(),
    orgNumber: normalizeOrgNumber(d.orgNumber),
    municipality: d.municipality as Municipality,
    ...(d.municipality === 'outside-county' && d.county ? { county: d.county } : {}),
    ...(d.employees !== '' ? { employees: d.employees } : {}),
    ...(d.sniCode.trim() ? { sniCode: d.sniCode.trim() } : {}),
    ...(d.website.trim() ? { website: d.website.trim() } : {}),
    ...(d.description.trim() ? { description: d.description.trim() } : {}),
  };
}

export function RegisterCompanyForm({ onRegistered }: { onRegistered: (company: CompanyDetail) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [required, setRequired] = useState<Record<string, string>>({});
  const register = useRegisterCompany();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const serverErrors = fieldErrorsOf(register.error, t);
  if (register.error instanceof ApiError && register.error.code === 'DUPLICATE_ORG_NUMBER') serverErrors['orgNumber'] = t('companies.duplicate');
  const errorOf = (field: string) => required[field] ?? serverErrors[field];
  const otherError = register.error && !Object.keys(serverErrors).length ? register.error : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Only what the service would refuse for certain; everything else is the service's to say.
    const missing: Record<string, string> = {};
    if (!draft.name.trim()) missing['name'] = t('validation.required');
    if (!draft.municipality) missing['municipality'] = t('validation.required');
    if (draft.municipality === 'outside-county' && !draft.county) missing['county'] = t('validation.required');
    if (checkOrgNumber(draft.orgNumber) === 'incomplete') missing['orgNumber'] = t('orgNumber.format');
    setRequired(missing);
    if (Object.keys(missing).length) return;
    register.mutate(toBody(draft), { onSuccess: onRegistered });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('companies.register')}>
      <Stack maw={720}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('companies.name')} name="name" required value={draft.name} onChange={(e) => set('name', e.currentTarget.value)} error={errorOf('name')} />
          <OrgNumberInput value={draft.orgNumber} onChange={(v) => set('orgNumber', v)} serverError={errorOf('orgNumber')} />
          <NativeSelect
            label={t('companies.municipality')}
            name="municipality"
            required
            value={draft.municipality}
            onChange={(e) => set('municipality', e.currentTarget.value as Municipality)}
            data={[{ value: '', label: '' }, ...MUNICIPALITIES.map((m) => ({ value: m, label: m === 'outside-county' ? t('companies.outsideCounty') : m }))]}
            error={errorOf('municipality')}
          />
          {draft.municipality === 'outside-county' && (
            <NativeSelect
              label={t('companies.county')}
              name="county"
              required
              value={draft.county}
              onChange={(e) => set('county', e.currentTarget.value as County)}
              data={[{ value: '', label: '' }, ...COUNTIES.filter((c) => c !== 'Västerbotten').map((c) => ({ value: c, label: c }))]}
              error={errorOf('county')}
            />
          )}
          <NumberInput
            label={t('companies.employees')}
            name="employees"
            min={0}
            allowDecimal={false}
            thousandSeparator=" "
            value={draft.employees}
            onChange={(v) => set('employees', typeof v === 'number' ? v : '')}
            error={errorOf('employees')}
          />
          <TextInput label={t('companies.sniCode')} description={t('companies.sniHint')} name="sniCode" value={draft.sniCode} onChange={(e) => set('sniCode', e.currentTarget.value)} error={errorOf('sniCode')} />
          <TextInput label={t('companies.website')} name="website" type="url" value={draft.website} onChange={(e) => set('website', e.currentTarget.value)} error={errorOf('website')} />
        </SimpleGrid>
        <Textarea
          label={t('companies.description')}
          description={t('companies.descriptionHint')}
          name="description"
          autosize
          minRows={3}
          value={draft.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errorOf('description')}
        />
        {otherError ? <ErrorState error={otherError} /> : null}
        <Group>
          <Button type="submit" loading={register.isPending}>
            {t('companies.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
