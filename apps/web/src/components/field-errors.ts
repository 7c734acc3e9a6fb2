import type { TFunction } from 'i18next';
import { ApiError } from '../lib/api-client';

/**
 * The service's validation problems as one message per form field. Known rules get the user's language;
 * the service's own (English, and more specific) message is the fallback.
 */
export function fieldErrorsOf(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [field, problem] of Object.entries(error.fieldProblems())) {
    const english = t('app.language.label') === 'Language';
    out[field] = problem.rule && !english ? t(`validation.${problem.rule}`, { defaultValue: problem.message }) : problem.message;
  }
  return out;
}
