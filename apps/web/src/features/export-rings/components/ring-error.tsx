import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';

/** A refusal of the rings API in the user's language (ALREADY_MEMBER, …); anything else as the app shows errors. */
export function RingErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  if (error instanceof ApiError && i18n.exists(`exportRings.errors.${error.code}`))
    return <Alert color="red" role="alert" title={t(`exportRings.errors.${error.code}`)} />;
  return <ErrorState error={error} onRetry={onRetry} />;
}
