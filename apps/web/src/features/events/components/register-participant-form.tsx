import { Alert, Button, NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../components/field-errors';
import { ErrorState } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';
import { type Gender, type Registration, useCompanySearch, useRegister } from '../api/events';
import { GENDERS } from '../vocabulary';

/**
 * Registers a person given by name (and e-mail) for a company. A company user registers for its own
 * company only (`fixedCompanyId`); staff search the companies.
 */
export function RegisterParticipantForm({ eventId, fixedCompanyId, onRegistered }: { eventId: string; fixedCompanyId?: string; onRegistered?: (r: Registration, name: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const companies = useCompanySearch(q);
  const [companyId, setCompanyId] = useState(fixedCompanyId ?? '');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [gender, setGender] = useState<Gender>('undisclosed');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string>();
  const register = useRegister(eventId);
  const serverErrors = fieldErrorsOf(register.error, t);
  const errorOf = (f: string) => missing[f] ?? serverErrors[f];
  const otherError = register.error && !Object.keys(serverErrors).length ? register.error : undefined;
  const options = companies.data?.items ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!companyId) m['companyId'] = t('validation.required');
    if (!name.trim()) m['participant.name'] = t('validation.required');
    setMissing(m);
    setNotice(undefined);
    if (Object.keys(m).length) return;
    const who = name.trim();
    register.mutate(
      { companyId, participant: { name: who, gender, ...(email.trim() ? { email: email.trim() } : {}) } },
      {
        onSuccess: (r) => {
          setNotice(r.status === 'waitlisted' ? t('registrations.doneWaitlisted', { name: who, position: r.waitlistPosition }) : t('registrations.done', { name: who }));
          setName('');
          setEmail('');
          setGender('undisclosed');
          onRegistered?.(r, who);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="register-title">
      <Stack>
        <Title order={2} size="h3" id="register-title">
          {t('registrations.register')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {!fixedCompanyId && (
            <>
              <TextInput label={t('registrations.companySearch')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
              <NativeSelect
                label={t('registrations.company')}
                name="companyId"
                required
                value={companyId}
                onChange={(e) => setCompanyId(e.currentTarget.value)}
                data={[{ value: '', label: '' }, ...options.map((c) => ({ value: c.id, label: `${c.name} (${c.orgNumber})` }))]}
                error={errorOf('companyId')}
              />
            </>
          )}
          <TextInput label={t('registrations.name')} name="participantName" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorOf('participant.name') ?? errorOf('participant')} />
          <TextInput label={t('registrations.email')} name="participantEmail" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errorOf('participant.email')} />
          <NativeSelect label={t('registrations.gender')} name="participantGender" value={gender} onChange={(e) => setGender(e.currentTarget.value as Gender)} data={GENDERS.map((g) => ({ value: g, label: t(`contacts.genders.${g}`) }))} error={errorOf('participant.gender')} />
        </SimpleGrid>
        {notice && <Alert color="green" role="status" title={notice} />}
        {otherError instanceof ApiError ? <ErrorState error={otherError} /> : null}
        <div>
          <Button type="submit" loading={register.isPending}>
            {t('registrations.register')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
