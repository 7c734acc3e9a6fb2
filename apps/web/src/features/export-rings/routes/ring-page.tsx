// One export ring or circle: its details, its memberships (optionally those of one day), and for
// staff: change the details, add a member from a day, end a membership after a last day.
import { Alert, Badge, Button, Card, Group, Modal, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api-client';
import { canManage, useSession } from '../../../lib/session';
import { useRing } from '../api/export-rings';
import { MembersSection } from '../components/members-section';
import { RingErrorState } from '../components/ring-error';
import { RingForm } from '../components/ring-form';

export function RingRoute() {
  const { ringId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const ring = useRing(ringId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const manage = canManage(session);
  if (ring.isPending) return <PageLoader />;
  if (ring.isError) {
    if (ring.error instanceof ApiError && ring.error.status === 404) return <Alert color="yellow" title={t('exportRings.notFound')} />;
    return <RingErrorState error={ring.error} onRetry={() => void ring.refetch()} />;
  }
  const r = ring.data;
  return (
    <Stack gap="lg">
      {saved && <Alert color="green" role="status" title={t('exportRings.saved')} />}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{r.name}</Title>
          <Group gap="xs">
            <Badge color="blue.9">{t(`exportRings.kinds.${r.kind}`)}</Badge>
          </Group>
        </Stack>
        {manage && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('exportRings.edit')}
          </Button>
        )}
      </Group>
      <Card withBorder>
        <dl className="facts">
          <div>
            <dt>{t('exportRings.city')}</dt>
            <dd>{r.city}</dd>
          </div>
          <div>
            <dt>{t('exportRings.facilitator')}</dt>
            <dd>{r.facilitator}</dd>
          </div>
        </dl>
      </Card>
      <MembersSection ringId={r.id} manage={manage} />
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('exportRings.edit')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <RingForm
          ring={r}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      </Modal>
    </Stack>
  );
}
