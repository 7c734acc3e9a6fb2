/**
 * Swedish organisation numbers (organisationsnummer): ten digits, written `NNNNNN-NNNN`, the last a
 * Luhn (mod 10) check digit over the first nine. The third digit is 2 or more for legal entities
 * (aktiebolag, föreningar, ...); a sole trader is numbered by the owner's personal identity number,
 * which is personal data and is not accepted here yet.
 */
export type OrgNumberProblem = 'format' | 'not-legal-entity' | 'check-digit';

export type OrgNumberParse =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problem: OrgNumberProblem; readonly expectedCheckDigit?: number };

const TEN_DIGITS = /^(\d{6})-?(\d{4})$/;

/** The Luhn check digit of the first nine digits. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Accepts `5560360793` and `556036-0793` (surrounding spaces ignored); answers `556036-0793` or why not. */
export function parseOrgNumber(input: unknown): OrgNumberParse {
  if (typeof input !== 'string') return { ok: false, problem: 'format' };
  const match = TEN_DIGITS.exec(input.trim());
  if (!match) return { ok: false, problem: 'format' };
  const digits = match[1] + match[2];
  if (Number(digits[2]) < 2) return { ok: false, problem: 'not-legal-entity' };
  const expected = luhnCheckDigit(digits.slice(0, 9));
  if (Number(digits[9]) !== expected) return { ok: false, problem: 'check-digit', expectedCheckDigit: expected };
  return { ok: true, value: `${match[1]}-${match[2]}` };
}

/** Why a number was refused, in words a person can act on. */
export function describeOrgNumberProblem(problem: OrgNumberProblem): string {
  switch (problem) {
    case 'format':
      return 'must be a Swedish organisation number of 10 digits, written NNNNNN-NNNN or NNNNNNNNNN';
    case 'not-legal-entity':
      return (
        "is not a legal entity's organisation number: the third digit must be 2 or more " +
        "(sole traders, numbered by the owner's personal identity number, cannot be registered yet)"
      );
    case 'check-digit':
      return 'has a wrong check digit (the last digit is a Luhn check digit over the first nine): check for a typing error';
  }
}

/**
 * For search: the digits of what a user typed when it could be (part of) an organisation number, which
 * is then matched against the number without its dash, so that `5560360793`, `556036-07` and `60793` all
 * find 556036-0793.
 */
export function orgNumberSearchDigits(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{1,10}$/.test(digits) ? digits : undefined;
}
