import { QueryFailedError } from 'typeorm';

/**
 * Whether a write failed on the named unique constraint: the race a pre-check cannot close (two
 * requests checking at once), turned by the caller into the same 409 the pre-check gives.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
