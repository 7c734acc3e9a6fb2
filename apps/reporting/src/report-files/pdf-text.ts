// pdfkit's built-in fonts (Helvetica & co., the only fonts it ships) are encoded in WinAnsi
// (Windows-1252): å ä ö Å Ä Ö é ü are there, but not ń ł ś (Polish partners) or CJK. Text is folded
// into WinAnsi before it is drawn: letters lose the accent the font lacks (ń → n), typographic signs
// get their plain twin, anything else becomes `?`. pdfkit would otherwise print garbage for them.

/** Windows-1252's characters in 0x80–0x9F, by Unicode code point. */
const WIN_ANSI_EXTRAS = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

/** Signs with a WinAnsi twin that reads the same: using it loses nothing. */
const EQUIVALENTS: Record<string, string> = {
  '\u2212': '-', // minus sign (Intl's sv-SE negative numbers)
  '\u2010': '-',
  '\u2011': '-',
  '\u202f': '\u00a0', // narrow no-break space (Intl's grouping in some locales)
  '\u2009': ' ',
  '\u2007': '\u00a0',
  '\u201b': "'",
  '\u201f': '"',
};

/** Letters without a decomposition that NFD could strip. */
const LETTERS: Record<string, string> = {
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
  '\u0127': 'h',
  '\u0126': 'H',
};

export function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || WIN_ANSI_EXTRAS.has(codePoint);
}

export interface FoldedText {
  text: string;
  /** True when some character could not be shown as it is. */
  folded: boolean;
}

export function toWinAnsi(input: string): FoldedText {
  let text = '';
  let folded = false;
  for (const char of input) {
    const codePoint = char.codePointAt(0) as number;
    if (isWinAnsi(codePoint)) {
      text += char;
      continue;
    }
    if (char === '\t' || char === '\n' || char === '\r') {
      text += ' ';
      continue;
    }
    const equivalent = EQUIVALENTS[char];
    if (equivalent !== undefined) {
      text += equivalent;
      continue;
    }
    folded = true;
    const replacement = LETTERS[char];
    if (replacement !== undefined) {
      text += replacement;
      continue;
    }
    // NFD splits a letter from its accents; keep the letter if the font has it (ń → n, ő → o).
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    text += base && [...base].every((c) => isWinAnsi(c.codePointAt(0) as number)) ? base : '?';
  }
  return { text, folded };
}
