import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-client';
import { i18n } from '../lib/i18n';
import { fieldErrorsOf } from './field-errors';

const refusal = new ApiError(400, 'VALIDATION_FAILED', 'two problems', [
  { field: 'website', rule: 'isUrl', message: 'must be an http(s) URL' },
  { field: 'location.city', rule: 'someNewRule', message: 'must name a city' },
  { field: 'website', rule: 'isLength', message: 'a second problem of the same field' },
]);

describe('fieldErrorsOf', () => {
  it('gives each named field its first problem, in Swedish where the rule is known', async () => {
    await i18n.changeLanguage('sv');
    expect(fieldErrorsOf(refusal, i18n.t)).toEqual({ website: 'Ange en webbadress som börjar med http:// eller https://', 'location.city': 'must name a city' });
  });
  it("shows the service's own message in English", async () => {
    await i18n.changeLanguage('en');
    expect(fieldErrorsOf(refusal, i18n.t)).toEqual({ website: 'must be an http(s) URL', 'location.city': 'must name a city' });
    await i18n.changeLanguage('sv');
  });
  it('has nothing for errors without field details', () => {
    expect(fieldErrorsOf(new ApiError(409, 'ALREADY_REGISTERED', 'x', { registrationId: 'r' }), i18n.t)).toEqual({});
    expect(fieldErrorsOf(new Error('network'), i18n.t)).toEqual({});
  });
});
