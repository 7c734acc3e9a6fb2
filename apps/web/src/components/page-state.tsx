import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader size="sm" aria-hidden />
      <Text ml="sm">{t('app.loading')}</Text>
    </Center>
  );
}

/** An error the user can read: 403 in words, others with the service's message, and a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  // A known refusal in the user's language; anything else with what the service or browser said.
  const known = error instanceof ApiError && i18n.exists(`errors.${error.code}`);
  const message =
    error instanceof ApiError && error.status === 403
      ? t('app.forbidden')
      : known
        ? t(`errors.${(error as ApiError).code}`)
        : t('app.error', { message: (error as Error)?.message ?? String(error) });
  return (
    <Alert color="red" role="alert" title={message}>
      {onRetry && !(error instanceof ApiError && error.status < 500) && (
        <Stack align="flex-start">
          <Button variant="light" color="red" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        </Stack>
      )}
    </Alert>
  );
}
