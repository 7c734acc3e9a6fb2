import { Anchor, Group, Loader, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { findByOrgNumber } from '../api/companies';
import { checkOrgNumber } from '../org-number';

/**
 * The organisation number, checked as one types: the form and check digit at once, then (after a
 * pause) whether a company already has it. `serverError` is the service's word after a submit.
 */
export function OrgNumberInput({ value, onChange, serverError }: { value: string; onChange: (v: string) => void; serverError?: string }) {
  const { t } = useTranslation();
  const check = checkOrgNumber(value);
  const [settled] = useDebouncedValue(value, 300);
  const lookup = useQuery({
    queryKey: ['companies', 'by-org-number', settled.replace(/\D/g, '')],
    queryFn: () => findByOrgNumber(settled),
    enabled: checkOrgNumber(settled) === 'valid',
    staleTime: 5_000,
  });
  const taken = check === 'valid' && settled === value ? lookup.data : undefined;
  const localError =
    check === 'format' ? t('orgNumber.format') : check === 'not-legal-entity' ? t('orgNumber.notLegalEntity') : check === 'check-digit' ? t('orgNumber.checkDigit') : undefined;
  const error = localError ?? (taken ? t('orgNumber.taken', { name: taken.name }) : undefined) ?? serverError;
  return (
    <div>
      <TextInput
        label={t('orgNumber.label')}
        description={t('orgNumber.description')}
        name="orgNumber"
        inputMode="numeric"
        autoComplete="off"
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        rightSection={check === 'valid' && lookup.isFetching ? <Loader size="xs" role="status" aria-label={t('orgNumber.checking')} /> : undefined}
      />
      <Group gap="xs" mt={4} aria-live="polite" mih={20}>
        {check === 'valid' && !taken && !lookup.isFetching && !serverError && (
          <Text size="sm" c="var(--globac-ok)">
            ✓ {t('orgNumber.valid')}
          </Text>
        )}
        {taken && (
          <Anchor component={Link} to={`/companies/${taken.id}`} size="sm">
            {t('orgNumber.openExisting')}
          </Anchor>
        )}
      </Group>
    </div>
  );
}
