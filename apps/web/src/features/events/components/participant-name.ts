import type { TFunction } from 'i18next';
import type { Registration } from '../api/events';

export function participantName(r: Registration, t: TFunction): string {
  const p = r.participant;
  if (p.kind === 'unnamed') return t('registrations.unnamed');
  if (p.kind === 'erased') return t('registrations.erased');
  return p.name ?? p.contactId ?? t('app.unknown');
}
