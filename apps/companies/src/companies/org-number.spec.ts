import { describeOrgNumberProblem, luhnCheckDigit, orgNumberSearchDigits, parseOrgNumber } from './org-number';

describe('organisation numbers', () => {
  // Real numbers: Volvo Car AB 556074-3089, Telefonaktiebolaget LM Ericsson 556016-0680, a 556036-0793
  // used throughout the docs, and Umeå kommun 212000-2627 (a municipality is a legal entity too).
  it.each(['556036-0793', '556074-3089', '556016-0680', '212000-2627'])('accepts %s', (number) => {
    expect(parseOrgNumber(number)).toEqual({ ok: true, value: number });
  });

  it('accepts the form without a dash and answers the dashed form', () => {
    expect(parseOrgNumber('5560360793')).toEqual({ ok: true, value: '556036-0793' });
    expect(parseOrgNumber(' 556036-0793 ')).toEqual({ ok: true, value: '556036-0793' });
  });

  it('computes the Luhn check digit', () => {
    expect(luhnCheckDigit('556036079')).toBe(3);
    expect(luhnCheckDigit('556074308')).toBe(9);
    // A number whose digit sum is already a multiple of ten has check digit 0.
    expect(luhnCheckDigit('556016068')).toBe(0);
  });

  it('refuses a wrong check digit and says which digit would be right', () => {
    expect(parseOrgNumber('556036-0794')).toEqual({ ok: false, problem: 'check-digit', expectedCheckDigit: 3 });
    expect(parseOrgNumber('5560360790')).toMatchObject({ ok: false, problem: 'check-digit' });
  });

  it('refuses a number whose third digit is below 2 (a personal identity number: a sole trader)', () => {
    // 811218-9876 is the Swedish Tax Agency's example personal identity number, with a valid check digit.
    expect(luhnCheckDigit('811218987')).toBe(6);
    expect(parseOrgNumber('811218-9876')).toEqual({ ok: false, problem: 'not-legal-entity' });
    // The third digit decides before the check digit does: the caller learns the number is of the wrong kind.
    expect(parseOrgNumber('551036-0793')).toEqual({ ok: false, problem: 'not-legal-entity' });
  });

  it.each(['55603-60793', '556036-079', '556036-07933', '556036 0793', 'abcdef-ghij', '', '16556036-0793'])(
    'refuses the malformed %p',
    (input) => {
      expect(parseOrgNumber(input)).toEqual({ ok: false, problem: 'format' });
    },
  );

  it('refuses what is not a string', () => {
    expect(parseOrgNumber(5560360793)).toEqual({ ok: false, problem: 'format' });
    expect(parseOrgNumber(null)).toEqual({ ok: false, problem: 'format' });
  });

  it('describes each problem differently', () => {
    const messages = (['format', 'not-legal-entity', 'check-digit'] as const).map(describeOrgNumberProblem);
    expect(new Set(messages).size).toBe(3);
    expect(messages[2]).toContain('check digit');
  });

  it('takes the digits of typed text that could be part of an organisation number, for search', () => {
    expect(orgNumberSearchDigits('5560360793')).toBe('5560360793');
    expect(orgNumberSearchDigits('556036-07')).toBe('55603607');
    expect(orgNumberSearchDigits('60793')).toBe('60793');
    expect(orgNumberSearchDigits('Norrskog')).toBeUndefined();
    expect(orgNumberSearchDigits('AB 12')).toBeUndefined();
  });
});
