import type { TFunction } from 'i18next';
import { fieldErrorsOf } from '../../../components/field-errors';
import { ApiError } from '../../../lib/api-client';

/**
 * The trips service's validation problems by field, as the app shows them (fieldErrorsOf), with the
 * trips service's own rules (`tripEndsOnOrAfterItStarts`, …) in Swedish too; in English the service's
 * message is kept, as everywhere.
 */
export function tripFieldErrors(error: unknown, t: TFunction): Record<string, string> {
  const out = fieldErrorsOf(error, t);
  // As fieldErrorsOf tells the language: by the texts t gives.
  if (t('app.language.label') === 'Language' || !(error instanceof ApiError)) return out;
  for (const [field, problem] of Object.entries(error.fieldProblems()))
    if (problem.rule) out[field] = t(`trips.validation.${problem.rule}`, { defaultValue: out[field] });
  return out;
}
