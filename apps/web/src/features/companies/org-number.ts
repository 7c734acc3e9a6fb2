// The organisation-number check as one types. The companies service decides (docs/companies.md,
// "Organisation numbers"); this mirrors its rules so that a typing error shows before submitting.
export type OrgNumberCheck = 'incomplete' | 'format' | 'not-legal-entity' | 'check-digit' | 'valid';

const FORM = /^(\d{6})-?(\d{4})$/;

function luhnDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    const doubled = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10;
}

/** 'incomplete' while the input could still become a number (fewer than ten digits, nothing else). */
export function checkOrgNumber(input: string): OrgNumberCheck {
  const text = input.trim();
  if (/^\d{0,6}(-\d{0,3})?$/.test(text) && text.replace('-', '').length < 10) return 'incomplete';
  const match = FORM.exec(text);
  if (!match) return 'format';
  const digits = match[1] + match[2];
  if (Number(digits[2]) < 2) return 'not-legal-entity';
  return Number(digits[9]) === luhnDigit(digits.slice(0, 9)) ? 'valid' : 'check-digit';
}

/** The form the service stores: NNNNNN-NNNN. */
export function normalizeOrgNumber(input: string): string {
  const match = FORM.exec(input.trim());
  return match ? `${match[1]}-${match[2]}` : input.trim();
}
