// A ring's memberships (all, or those including a day); staff add a member from a day and end a
// membership after a last day.
import { Alert, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompanyName, CompanyPicker, useCompanyName } from '../../../components/company-picker';
import { fieldErrorsOf } from '../../../components/field-errors';
import { PageLoader } from '../../../components/page-state';
import { useFormat } from '../../../lib/format';
import { type Membership, useJoin, useLeave, useMembers } from '../api/export-rings';
import { RingErrorState } from './ring-error';

function todayInSweden(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function MembersSection({ ringId, manage }: { ringId: string; manage: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [activeOn, setActiveOn] = useState('');
  const members = useMembers(ringId, activeOn);
  const [toLeave, setToLeave] = useState<Membership>();
  const today = todayInSweden();
  return (
    <Card withBorder component="section" aria-labelledby="members-title">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id="members-title">
            {t('exportRings.members')}
            {members.data ? ` (${fmt.number(members.data.total)})` : ''}
          </Title>
          <TextInput label={t('exportRings.showActiveOn')} description={t('exportRings.showActiveOnHint')} type="date" value={activeOn} onChange={(e) => setActiveOn(e.currentTarget.value)} />
        </Group>
        {members.isPending ? (
          <PageLoader />
        ) : members.isError ? (
          <RingErrorState error={members.error} onRetry={() => void members.refetch()} />
        ) : members.data.items.length === 0 ? (
          <Text>{t('exportRings.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table aria-labelledby="members-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('exportRings.company')}</Table.Th>
                  <Table.Th scope="col">{t('exportRings.joinedOn')}</Table.Th>
                  <Table.Th scope="col">{t('exportRings.leftOn')}</Table.Th>
                  {manage && <Table.Th scope="col">{t('app.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <CompanyName id={m.companyId} />
                    </Table.Td>
                    <Table.Td>{fmt.date(m.joinedOn)}</Table.Td>
                    <Table.Td>{m.leftOn ? fmt.date(m.leftOn) : m.joinedOn <= today ? t('exportRings.current') : t('app.none')}</Table.Td>
                    {manage && (
                      <Table.Td>
                        {m.leftOn ? t('app.none') : <LeaveButton membership={m} onClick={() => setToLeave(m)} />}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {manage && <JoinForm ringId={ringId} />}
      </Stack>
      <Modal opened={!!toLeave} onClose={() => setToLeave(undefined)} title={t('exportRings.leave')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        {toLeave && <LeaveForm ringId={ringId} membership={toLeave} onDone={() => setToLeave(undefined)} />}
      </Modal>
    </Card>
  );
}

function LeaveButton({ membership, onClick }: { membership: Membership; onClick: () => void }) {
  const { t } = useTranslation();
  const name = useCompanyName(membership.companyId);
  return (
    <Button size="xs" variant="light" color="red" onClick={onClick} aria-label={`${t('exportRings.leave')}: ${name}`}>
      {t('exportRings.leave')}
    </Button>
  );
}

function JoinForm({ ringId }: { ringId: string }) {
  const { t } = useTranslation();
  const [companyId, setCompanyId] = useState('');
  const [joinedOn, setJoinedOn] = useState(todayInSweden());
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const join = useJoin(ringId);
  const serverErrors = fieldErrorsOf(join.error, t);
  const errorOf = (f: string) => missing[f] ?? serverErrors[f];
  const otherError = join.error && !Object.keys(serverErrors).length ? join.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    if (!companyId) m['companyId'] = t('validation.required');
    if (!joinedOn) m['joinedOn'] = t('validation.required');
    setMissing(m);
    setDone(false);
    if (Object.keys(m).length) return;
    join.mutate({ companyId, joinedOn }, { onSuccess: () => setDone(true) });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="join-title">
      <Stack>
        <Title order={3} size="h4" id="join-title">
          {t('exportRings.addMember')}
        </Title>
        <CompanyPicker searchLabel={t('exportRings.companySearch')} label={t('exportRings.company')} value={companyId} onChange={setCompanyId} error={errorOf('companyId')} />
        <TextInput label={t('exportRings.joinedOn')} name="joinedOn" type="date" required value={joinedOn} onChange={(e) => setJoinedOn(e.currentTarget.value)} error={errorOf('joinedOn')} maw={240} />
        {done && <Alert color="green" role="status" title={t('exportRings.added')} />}
        {otherError ? <RingErrorState error={otherError} /> : null}
        <div>
          <Button type="submit" loading={join.isPending}>
            {t('exportRings.addMember')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

function LeaveForm({ ringId, membership, onDone }: { ringId: string; membership: Membership; onDone: () => void }) {
  const { t } = useTranslation();
  const [leftOn, setLeftOn] = useState(todayInSweden());
  const leave = useLeave(ringId);
  const name = useCompanyName(membership.companyId);
  const serverErrors = fieldErrorsOf(leave.error, t);
  const otherError = leave.error && !Object.keys(serverErrors).length ? leave.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    leave.mutate({ membershipId: membership.id, leftOn }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('exportRings.leaveFor', { name })}>
      <Stack>
        <Text>{t('exportRings.leaveIntro')}</Text>
        <TextInput label={t('exportRings.leftOn')} name="leftOn" type="date" required value={leftOn} onChange={(e) => setLeftOn(e.currentTarget.value)} error={serverErrors['leftOn']} />
        {otherError ? <RingErrorState error={otherError} /> : null}
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={leave.isPending}>
            {t('exportRings.leave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
