import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ScheduleEventForm } from '../components/schedule-event-form';

export function ScheduleEventRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack>
      <Title order={1}>{t('events.schedule')}</Title>
      <ScheduleEventForm onScheduled={(e) => navigate(`/events/${e.id}`, { state: { notice: 'scheduled' } })} />
    </Stack>
  );
}
