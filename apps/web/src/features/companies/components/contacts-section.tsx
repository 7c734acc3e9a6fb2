import { Alert, Button, Card, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../components/field-errors';
import { ErrorState, PageLoader } from '../../../components/page-state';
import { type Contact, type CreateContact, exportContact, useAddContact, useContacts, useEraseContact } from '../api/companies';

const GENDERS = ['woman', 'man', 'non-binary', 'undisclosed'] as const;

/** Saves what the service answers to a GDPR access request as a JSON file the person can be given. */
async function downloadExport(contact: Contact) {
  const data = await exportContact(contact.id);
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `contact-${contact.id}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

export function ContactsSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const contacts = useContacts(companyId);
  const erase = useEraseContact(companyId);
  const [toErase, setToErase] = useState<Contact>();
  const [notice, setNotice] = useState<string>();

  return (
    <Card withBorder component="section" aria-labelledby="contacts-title">
      <Title order={2} size="h3" id="contacts-title" mb="sm">
        {t('contacts.title')}
      </Title>
      {notice && <Alert color="green" role="status" mb="sm" title={notice} withCloseButton onClose={() => setNotice(undefined)} closeButtonLabel={t('app.close')} />}
      {contacts.isPending ? (
        <PageLoader />
      ) : contacts.isError ? (
        <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : contacts.data.items.length === 0 ? (
        <Text>{t('contacts.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table aria-labelledby="contacts-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('contacts.name')}</Table.Th>
                <Table.Th scope="col">{t('contacts.role')}</Table.Th>
                <Table.Th scope="col">{t('contacts.email')}</Table.Th>
                <Table.Th scope="col">{t('contacts.phone')}</Table.Th>
                <Table.Th scope="col">{t('contacts.consent')}</Table.Th>
                <Table.Th scope="col">{t('app.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.role ?? t('app.none')}</Table.Td>
                  <Table.Td>{c.email ?? t('app.none')}</Table.Td>
                  <Table.Td>{c.phone ?? t('app.none')}</Table.Td>
                  <Table.Td>{c.consentToContact ? t('app.yes') : t('app.no')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => void downloadExport(c)} aria-label={`${t('contacts.export')}: ${c.name}`}>
                        {t('contacts.export')}
                      </Button>
                      <Button size="xs" variant="light" color="red" onClick={() => setToErase(c)} aria-label={`${t('contacts.erase')}: ${c.name}`}>
                        {t('contacts.erase')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddContactForm companyId={companyId} onAdded={() => setNotice(t('contacts.added'))} />
      <Modal opened={!!toErase} onClose={() => setToErase(undefined)} title={t('contacts.eraseConfirmTitle', { name: toErase?.name })} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <Stack>
          <Text>{t('contacts.eraseConfirm')}</Text>
          {erase.isError && <ErrorState error={erase.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToErase(undefined)}>
              {t('app.cancel')}
            </Button>
            <Button
              color="red"
              loading={erase.isPending}
              onClick={() =>
                toErase &&
                erase.mutate(toErase.id, {
                  onSuccess: () => {
                    setToErase(undefined);
                    setNotice(t('contacts.erased'));
                  },
                })
              }
            >
              {t('contacts.erase')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function AddContactForm({ companyId, onAdded }: { companyId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const add = useAddContact(companyId);
  const empty: CreateContact = { name: '', email: '', phone: '', role: '', gender: 'undisclosed', consentToContact: false };
  const [draft, setDraft] = useState<CreateContact>(empty);
  const [missingName, setMissingName] = useState(false);
  const errors = fieldErrorsOf(add.error, t);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissingName(!draft.name.trim());
    if (!draft.name.trim()) return;
    const body: CreateContact = {
      name: draft.name.trim(),
      gender: draft.gender,
      consentToContact: draft.consentToContact,
      ...(draft.email?.trim() ? { email: draft.email.trim() } : {}),
      ...(draft.phone?.trim() ? { phone: draft.phone.trim() } : {}),
      ...(draft.role?.trim() ? { role: draft.role.trim() } : {}),
    };
    add.mutate(body, {
      onSuccess: () => {
        setDraft(empty);
        onAdded();
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-contact-title">
      <Title order={3} size="h4" id="add-contact-title" mt="lg" mb="xs">
        {t('contacts.add')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <TextInput label={t('contacts.name')} required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={missingName ? t('validation.required') : errors['name']} />
        <TextInput label={t('contacts.email')} type="email" value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })} error={errors['email']} />
        <TextInput label={t('contacts.phone')} type="tel" value={draft.phone} onChange={(e) => setDraft({ ...draft, phone: e.currentTarget.value })} error={errors['phone']} />
        <TextInput label={t('contacts.role')} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value })} error={errors['role']} />
        <NativeSelect
          label={t('contacts.gender')}
          value={draft.gender}
          onChange={(e) => setDraft({ ...draft, gender: e.currentTarget.value as CreateContact['gender'] })}
          data={GENDERS.map((g) => ({ value: g, label: t(`contacts.genders.${g}`) }))}
          error={errors['gender']}
        />
        <Checkbox mt="xl" label={t('contacts.consent')} checked={draft.consentToContact} onChange={(e) => setDraft({ ...draft, consentToContact: e.currentTarget.checked })} />
      </SimpleGrid>
      {add.isError && !Object.keys(errors).length && <ErrorState error={add.error} />}
      <Button type="submit" mt="sm" loading={add.isPending}>
        {t('contacts.add')}
      </Button>
    </form>
  );
}
