import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';

/** A refusal of the trips service in the user's language (TRIP_FULL, …); anything else as the app shows errors. */
export function TripErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  if (error instanceof ApiError && i18n.exists(`trips.errors.${error.code}`))
    return <Alert color="red" role="alert" title={t(`trips.errors.${error.code}`)} />;
  return <ErrorState error={error} onRetry={onRetry} />;
}
