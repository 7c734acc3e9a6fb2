import { QueryFailedError } from 'typeorm';

/**
 * The name of the unique index or constraint a statement violated, or undefined for any other error:
 * the race a pre-check cannot close (two requests checking at once), which callers turn into the same
 * 409 the pre-check gives.
 */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23505' ? driverError.constraint : undefined;
}

/** Whether a write failed on the named unique index or constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return violatedUniqueConstraint(error) === constraint;
}
