import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RegisterCompanyForm } from '../components/register-company-form';

export function RegisterCompanyRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack>
      <Title order={1}>{t('companies.register')}</Title>
      <RegisterCompanyForm onRegistered={(c) => navigate(`/companies/${c.id}`, { state: { notice: 'registered' } })} />
    </Stack>
  );
}
