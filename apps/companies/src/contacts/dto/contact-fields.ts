import type { ValidationOptions } from 'class-validator';

export const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/;
export const PHONE_MESSAGE: ValidationOptions = { message: 'must be a phone number of digits, spaces, dashes and brackets, optionally starting with +' };
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
