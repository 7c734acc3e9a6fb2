import { csvField, csvLine, neutraliseFormula } from './csv';

describe('CSV fields (RFC 4180)', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvLine(['Åkesson Trä AB', 141, 1536.5, 'Umeå'])).toBe('Åkesson Trä AB,141,1536.5,Umeå\r\n');
  });

  it('quotes fields holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('Öl, Läsk & Co')).toBe('"Öl, Läsk & Co"');
    expect(csvField('Bolaget "Nord" AB')).toBe('"Bolaget ""Nord"" AB"');
    expect(csvField('rad ett\nrad två')).toBe('"rad ett\nrad två"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('writes null, undefined and non-finite numbers as empty fields', () => {
    expect(csvLine([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, ''])).toBe(',,,,\r\n');
  });

  it.each(['=HYPERLINK("http://evil.example","klicka")', '+46 90 123', '-1+2', '@SUM(A1)', '\tflik', '\rvagn'])(
    'neutralises a text cell that a spreadsheet would run as a formula: %j',
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(csvField(text).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('never touches numbers, even negative ones', () => {
    expect(csvField(-42)).toBe('-42');
  });

  it('quotes a neutralised formula that holds quotes', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});
