import { QueryFailedError } from 'typeorm';

/** The name of the unique index or constraint a statement violated, or undefined for any other error. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' ? driverError.constraint : undefined;
}
