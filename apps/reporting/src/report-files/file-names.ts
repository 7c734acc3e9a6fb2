import type { ReportFormat } from './report-types';

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export type ReportKind = 'indicators' | 'companies' | 'period' | 'trip';

export interface ReportFileNameContext {
  from?: string;
  to?: string;
  id?: string;
  financier?: string;
}

/**
 * `globac-<kind>[-<from>_<to>][-<financier>][-<id>].<format>`, ASCII letters, digits, `-` and `_` only,
 * so it can go into `Content-Disposition: attachment; filename="..."` without escaping.
 */
export function reportFileName(kind: ReportKind, ctx: ReportFileNameContext, format: ReportFormat): string {
  const parts = ['globac', kind];
  if (ctx.from && ctx.to) parts.push(`${asciiPart(ctx.from)}_${asciiPart(ctx.to)}`);
  else if (ctx.from) parts.push(`from-${asciiPart(ctx.from)}`);
  else if (ctx.to) parts.push(`to-${asciiPart(ctx.to)}`);
  if (ctx.financier) parts.push(asciiPart(ctx.financier));
  if (ctx.id) parts.push(asciiPart(ctx.id));
  return `${parts.filter(Boolean).join('-')}.${format}`;
}

/** Letters lose their accents (å → a), anything else outside [A-Za-z0-9-] becomes `-`. */
function asciiPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
