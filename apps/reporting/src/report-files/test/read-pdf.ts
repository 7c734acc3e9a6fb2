import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

// Reads the text back out of a PDF in the specs: with poppler's pdftotext where the machine has it,
// else with a small parser that understands what pdfkit writes (Flate streams, hex strings in TJ).

export function hasPdftotext(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

export function pdfToText(pdf: Buffer): string {
  if (!hasPdftotext()) return parsePdfText(pdf);
  const dir = mkdtempSync(path.join(tmpdir(), 'report-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr.toString()}`);
    return result.stdout.toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Windows-1252 0x80–0x9F; the rest of the byte range is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWinAnsi(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** The text of every content stream, a line per text-showing operator. */
export function parsePdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  const streamPattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamPattern.exec(source))) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    const dictionary = source.slice(Math.max(0, source.lastIndexOf('<<', match.index)), match.index);
    let content = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(dictionary)) {
      try {
        content = inflateSync(content);
      } catch {
        continue;
      }
    }
    const text = content.toString('latin1');
    for (const operator of text.matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ/g)) {
      const parts = [...operator[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => decodeWinAnsi(Buffer.from(hex[1], 'hex')));
      lines.push(parts.join(''));
    }
    streamPattern.lastIndex = end;
  }
  return lines.join('\n');
}

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

export function pdfInfoDate(pdf: Buffer): string | undefined {
  return /\/CreationDate \(D:([0-9Z']+)\)/.exec(pdf.toString('latin1'))?.[1];
}
