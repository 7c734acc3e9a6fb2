import { NotFoundAppException } from '@globac/http';

export enum ContactErrorCode {
  ContactNotFound = 'CONTACT_NOT_FOUND',
}

/** Also the answer for an erased contact: after erasure the service knows nothing about the person to tell. */
export class ContactNotFoundException extends NotFoundAppException {
  constructor(id: string) {
    super('contact', id, ContactErrorCode.ContactNotFound);
  }
}
