import { toWinAnsi } from './pdf-text';

describe('toWinAnsi (the PDF fonts cover Windows-1252 only)', () => {
  it('keeps Swedish letters and the typographic signs Windows-1252 has', () => {
    expect(toWinAnsi('Åsele, Vännäs, Örnsköldsvik – “citat” € …')).toEqual({ text: 'Åsele, Vännäs, Örnsköldsvik – “citat” € …', folded: false });
  });

  it('replaces signs that have a plain twin without calling it a loss', () => {
    expect(toWinAnsi('\u22121\u202f234')).toEqual({ text: '-1\u00a0234', folded: false });
  });

  it('drops accents the fonts lack and says so', () => {
    expect(toWinAnsi('Poznań, Łódź, Śląsk')).toEqual({ text: 'Poznan, Lódz, Slask', folded: true });
  });

  it('shows characters without a Latin base as ?', () => {
    expect(toWinAnsi('西安')).toEqual({ text: '??', folded: true });
  });

  it('turns line breaks and tabs into spaces', () => {
    expect(toWinAnsi('a\tb\nc').text).toBe('a b c');
  });
});
