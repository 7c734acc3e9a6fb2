import type { AppException } from '@globac/http';

/**
 * A business rule named as a sentence (`RegistrationIsClosedWhenDeadlinePassed`): it knows whether the
 * state at hand breaks it and which typed exception says so. Rules are pure, so they are unit-tested
 * beside the code; services check them while holding the locks that make the state current.
 */
export interface BusinessRule {
  isBroken(): boolean;
  error(): AppException;
}

/** Throws the error of the first broken rule. */
export function checkRules(...rules: BusinessRule[]): void {
  for (const rule of rules) if (rule.isBroken()) throw rule.error();
}
