import PDFDocument from 'pdfkit';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parseProducedAt } from './indicator-sections';
import type { ReportLabels } from './labels';
import { finish, RowPacer } from './output';
import { toWinAnsi } from './pdf-text';
import type { Cell, Column } from './report-tables';

// A thin layer over pdfkit for our reports: A4 pages with a footer, headings, key–value lines and
// tables whose header is repeated on every page. Only pdfkit's built-in Helvetica is used (nothing to
// embed, nothing random such as font subset tags), so the bytes depend only on what is drawn and on
// producedAt, which is the document's CreationDate and the seed of its file ID.

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const MARGIN = { top: 56, bottom: 56, left: 50, right: 50 };
const TEXT_COLOR = '#000000';
const MUTED_COLOR = '#444444';
const RULE_COLOR = '#999999';
const CELL_PADDING = 3;

export interface PdfDocumentMeta {
  title: string;
  subject: string;
  programme: string;
  producedAt: string;
  /** Printed at the foot of each page beside the page number. */
  footer: string;
}

export class ReportPdf {
  readonly doc: PDFKit.PDFDocument;
  private pageNumber = 0;
  private anyFolded = false;
  private onNewPage: (() => void) | undefined;
  private readonly numberFormat: Intl.NumberFormat;

  constructor(
    private readonly out: Writable,
    private readonly meta: PdfDocumentMeta,
    private readonly labels: ReportLabels,
  ) {
    const date = parseProducedAt(meta.producedAt);
    this.numberFormat = new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 2 });
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      autoFirstPage: false,
      bufferPages: false,
      lang: labels.locale,
      displayTitle: true,
      info: {
        Title: toWinAnsi(meta.title).text,
        Subject: toWinAnsi(meta.subject).text,
        Author: toWinAnsi(meta.programme).text,
        Creator: toWinAnsi(meta.programme).text,
        CreationDate: date,
        ModDate: date,
      },
    });
    // Each object pdfkit finishes (a page's content at the latest when the page ends) goes straight
    // to `out`, so the only buffer is `out`'s, whose fullness the row loops wait on (RowPacer).
    this.doc.on('data', (chunk: Buffer) => this.out.write(chunk));
    this.doc.on('pageAdded', () => this.decoratePage());
    this.doc.addPage();
  }

  /** Paces a row loop against the destination (see RowPacer). */
  pacer(): RowPacer {
    return new RowPacer(this.out);
  }

  get contentWidth(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Text as the built-in fonts can show it; remembers whether anything had to be folded. */
  private printable(text: string): string {
    const folded = toWinAnsi(text);
    if (folded.folded) this.anyFolded = true;
    return folded.text;
  }

  formatNumber(value: number): string {
    return this.numberFormat.format(value);
  }

  cellText(cell: Cell): string {
    if (cell === null) return '';
    return typeof cell === 'number' ? this.formatNumber(cell) : cell;
  }

  private decoratePage(): void {
    this.pageNumber += 1;
    const { doc } = this;
    // Writing below the bottom margin would make pdfkit start yet another page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT).fontSize(7.5).fillColor(MUTED_COLOR);
    const y = doc.page.height - MARGIN.bottom + 18;
    doc.text(this.printable(this.meta.footer), MARGIN.left, y, { width: this.contentWidth - 70, lineBreak: false });
    doc.text(`${this.labels.meta.page} ${this.pageNumber}`, MARGIN.left + this.contentWidth - 70, y, { width: 70, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
    doc.fillColor(TEXT_COLOR);
    doc.x = MARGIN.left;
    doc.y = MARGIN.top;
    this.onNewPage?.();
  }

  /** Starts a new page when less than `height` is left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string, subtitle: string): void {
    const { doc } = this;
    doc.font(BOLD).fontSize(20).fillColor(TEXT_COLOR).text(this.printable(text), MARGIN.left, doc.y, { width: this.contentWidth });
    doc.font(FONT).fontSize(13).text(this.printable(subtitle), { width: this.contentWidth });
    doc.moveDown(0.6);
  }

  heading(text: string, keepWith = 60): void {
    const { doc } = this;
    const printable = this.printable(text);
    doc.font(BOLD).fontSize(12);
    this.ensureSpace(doc.heightOfString(printable, { width: this.contentWidth }) + keepWith);
    // A new page's footer leaves its own font behind: set ours again after any page break.
    doc.font(BOLD).fontSize(12).moveDown(0.5);
    doc.fillColor(TEXT_COLOR).text(printable, MARGIN.left, doc.y, { width: this.contentWidth });
    doc.moveDown(0.2);
  }

  /** A muted explanatory paragraph (counting rules, notes). */
  note(text: string): void {
    const { doc } = this;
    const printable = this.printable(text);
    doc.font(ITALIC).fontSize(8.5);
    this.ensureSpace(doc.heightOfString(printable, { width: this.contentWidth }));
    doc.font(ITALIC).fontSize(8.5).fillColor(MUTED_COLOR).text(printable, MARGIN.left, doc.y, { width: this.contentWidth });
    doc.fillColor(TEXT_COLOR).moveDown(0.3);
  }

  /** A label and its value on one line; `indent` steps for breakdown entries. */
  keyValue(label: string, value: string, options: { indent?: number; bold?: boolean; valueWidth?: number; keepWithNext?: boolean } = {}): void {
    const { doc } = this;
    const indent = (options.indent ?? 0) * 14;
    const valueWidth = options.valueWidth ?? 110;
    const labelWidth = this.contentWidth - valueWidth - indent - 8;
    const labelText = this.printable(label);
    const valueText = this.printable(value);
    doc.font(options.bold ? BOLD : FONT).fontSize(9.5);
    const height = Math.max(doc.heightOfString(labelText, { width: labelWidth }), doc.heightOfString(valueText, { width: valueWidth }));
    // A breakdown's title is not left alone at the foot of a page.
    this.ensureSpace(options.keepWithNext ? 2 * height : height);
    const y = doc.y;
    doc.font(options.bold ? BOLD : FONT).fontSize(9.5).fillColor(TEXT_COLOR).text(labelText, MARGIN.left + indent, y, { width: labelWidth });
    doc.text(valueText, MARGIN.left + this.contentWidth - valueWidth, y, { width: valueWidth, align: 'right' });
    doc.x = MARGIN.left;
    doc.y = y + height + 1.5;
  }

  /** Lines for what a report covers: each label bold with its value beside it. */
  metaLine(label: string, value: string): void {
    const { doc } = this;
    const labelWidth = 95;
    const labelText = this.printable(`${label}:`);
    const valueText = this.printable(value);
    doc.font(FONT).fontSize(9.5);
    const height = doc.heightOfString(valueText, { width: this.contentWidth - labelWidth });
    this.ensureSpace(height);
    const y = doc.y;
    doc.font(BOLD).fontSize(9.5).fillColor(TEXT_COLOR).text(labelText, MARGIN.left, y, { width: labelWidth });
    doc.font(FONT).text(valueText, MARGIN.left + labelWidth, y, { width: this.contentWidth - labelWidth });
    doc.x = MARGIN.left;
    doc.y = y + height + 1.5;
  }

  gap(lines = 0.5): void {
    this.doc.moveDown(lines);
  }

  /** Starts a table; its header is drawn now and again at the top of every page the rows reach. */
  table(columns: Column[]): PdfTable {
    return new PdfTable(this, columns);
  }

  /** @internal used by PdfTable */
  setPageStartHook(hook: (() => void) | undefined): void {
    this.onNewPage = hook;
  }

  /** @internal used by PdfTable */
  drawRow(cells: string[], xs: number[], widths: number[], numeric: boolean[], bold: boolean): void {
    const { doc } = this;
    const texts = cells.map((cell) => this.printable(cell));
    doc.font(bold ? BOLD : FONT).fontSize(8);
    const lineHeight = doc.currentLineHeight(true);
    // Most cells fit on one line: measuring their width is far cheaper than pdfkit's line wrapper.
    const oneLine = texts.map((text, i) => doc.widthOfString(text) <= widths[i] - 2 * CELL_PADDING);
    const heights = texts.map((text, i) => (!text ? 0 : oneLine[i] ? lineHeight : doc.heightOfString(text, { width: widths[i] - 2 * CELL_PADDING })));
    const height = Math.max(lineHeight, ...heights) + 2 * CELL_PADDING;
    // A page break inside a row would split it: move the whole row (the hook redraws the header).
    this.ensureSpace(height);
    const y = doc.y;
    doc.font(bold ? BOLD : FONT).fontSize(8).fillColor(TEXT_COLOR);
    texts.forEach((text, i) => {
      if (!text) return;
      const width = widths[i] - 2 * CELL_PADDING;
      if (!oneLine[i]) doc.text(text, xs[i] + CELL_PADDING, y + CELL_PADDING, { width, align: numeric[i] ? 'right' : 'left' });
      else {
        const x = numeric[i] ? xs[i] + CELL_PADDING + width - doc.widthOfString(text) : xs[i] + CELL_PADDING;
        doc.text(text, x, y + CELL_PADDING, { lineBreak: false });
      }
    });
    doc
      .moveTo(MARGIN.left, y + height)
      .lineTo(MARGIN.left + this.contentWidth, y + height)
      .lineWidth(bold ? 0.8 : 0.3)
      .strokeColor(RULE_COLOR)
      .stroke();
    doc.x = MARGIN.left;
    doc.y = y + height;
  }

  /** Ends the document (with a note if some letters had to be folded) and waits until `out` has it all. */
  async end(): Promise<void> {
    if (this.anyFolded) {
      this.gap(1);
      this.note(this.labels.meta.lettersFolded);
    }
    this.onNewPage = undefined;
    const ended = once(this.doc, 'end');
    this.doc.end();
    // The last objects and the trailer are pushed after end() returns.
    await ended;
    await finish(this.out);
  }
}

export class PdfTable {
  private readonly xs: number[];
  private readonly widths: number[];
  private readonly numeric: boolean[];
  private rows = 0;

  constructor(
    private readonly pdf: ReportPdf,
    private readonly columns: Column[],
  ) {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    this.widths = columns.map((column) => (column.width / total) * pdf.contentWidth);
    this.xs = this.widths.map((_, i) => pdf.doc.page.margins.left + this.widths.slice(0, i).reduce((sum, w) => sum + w, 0));
    this.numeric = columns.map((column) => column.numeric === true);
    this.pdf.ensureSpace(40);
    this.drawHeader();
    this.pdf.setPageStartHook(() => this.drawHeader());
  }

  private drawHeader(): void {
    this.pdf.drawRow(
      this.columns.map((column) => column.header),
      this.xs,
      this.widths,
      this.numeric,
      true,
    );
  }

  row(cells: Cell[]): void {
    this.rows += 1;
    this.pdf.drawRow(
      cells.map((cell) => this.pdf.cellText(cell)),
      this.xs,
      this.widths,
      this.numeric,
      false,
    );
  }

  /** Ends the table: later pages get no header; an empty table says so. */
  end(emptyText: string): void {
    this.pdf.setPageStartHook(undefined);
    if (this.rows === 0) this.pdf.note(emptyText);
    this.pdf.gap(0.5);
  }
}
