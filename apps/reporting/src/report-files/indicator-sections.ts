import { MUNICIPALITIES } from '@globac/contracts';
import { keyLabel, type ReportLabels, sectionTitle, valueLabel, type Vocabulary } from './labels';
import type { IndicatorsReport, ReportFilters, ReportMeta } from './report-types';

// Turns the indicators report into ordered sections for the renderers. Order never depends on the
// order of keys in the input object: a frozen period's snapshot read back from a jsonb column has its
// keys reordered, and must still render byte-identical. Known sections and keys come in the label
// table's order, breakdown keys in their vocabulary's order, anything else sorted by code point.

export type IndicatorValue = number | string;

export interface IndicatorLeaf {
  /** Machine key path inside the section, e.g. `bySizeClass.micro`. */
  key: string;
  label: string;
  value: IndicatorValue;
}

export interface IndicatorGroup {
  key: string;
  label: string;
  items: IndicatorItem[];
}

export type IndicatorItem = IndicatorLeaf | IndicatorGroup;

export interface IndicatorSection {
  key: string;
  title: string;
  rule: string;
  items: IndicatorItem[];
}

const META_FIELDS = new Set(['programme', 'period', 'filters', 'producedAt']);

export function isGroup(item: IndicatorItem): item is IndicatorGroup {
  return 'items' in item;
}

export function indicatorSections(report: IndicatorsReport, labels: ReportLabels): IndicatorSection[] {
  const fields = report as unknown as Record<string, unknown>;
  const sectionKeys = orderKeys(
    Object.keys(fields).filter((key) => !META_FIELDS.has(key) && isRecord(fields[key])),
    Object.keys(labels.sections),
  );
  return sectionKeys.map((sectionKey) => {
    const section = fields[sectionKey] as Record<string, unknown>;
    const knownKeys = Object.keys(labels.sections[sectionKey]?.keys ?? {});
    return {
      key: sectionKey,
      title: sectionTitle(labels, sectionKey),
      rule: typeof section.rule === 'string' ? section.rule : '',
      items: itemsOf(section, '', sectionKey, knownKeys, labels, true),
    };
  });
}

function itemsOf(
  fields: Record<string, unknown>,
  pathPrefix: string,
  sectionKey: string,
  knownKeys: string[],
  labels: ReportLabels,
  topLevel: boolean,
): IndicatorItem[] {
  const keys = orderKeys(
    Object.keys(fields).filter((key) => !(topLevel && key === 'rule') && fields[key] !== undefined),
    knownKeys,
  );
  return keys.map((key): IndicatorItem => {
    const value = fields[key];
    const path = pathPrefix ? `${pathPrefix}.${key}` : key;
    if (!isRecord(value)) return { key: path, label: keyLabel(labels, sectionKey, key), value: scalar(value) };
    const vocabulary = labels.breakdownVocabulary[key];
    const vocabularyOrder = vocabulary ? vocabularyKeyOrder(vocabulary, labels) : knownKeys;
    // Inside a breakdown the keys are data (municipalities, countries): label them from the vocabulary.
    const children = orderKeys(Object.keys(value).filter((k) => value[k] !== undefined), vocabularyOrder).map((childKey): IndicatorItem => {
      const child = value[childKey];
      const childPath = `${path}.${childKey}`;
      const childLabel = vocabulary ? valueLabel(labels, vocabulary, childKey) : keyLabel(labels, sectionKey, childKey);
      if (isRecord(child)) return { key: childPath, label: childLabel, items: itemsOf(child, childPath, sectionKey, knownKeys, labels, false) };
      return { key: childPath, label: childLabel, value: scalar(child) };
    });
    return { key: path, label: keyLabel(labels, sectionKey, key), items: children };
  });
}

/** The county's municipalities in their usual order with `outside-county` after them; else the label table's order. */
function vocabularyKeyOrder(vocabulary: Vocabulary, labels: ReportLabels): string[] {
  if (vocabulary === 'municipality') return [...MUNICIPALITIES, 'outside-county'];
  if (vocabulary === 'country') return [];
  return Object.keys(labels.values[vocabulary]);
}

/** Known keys in the given order first, then the rest sorted by code point (locale-independent). */
export function orderKeys(keys: string[], known: string[]): string[] {
  const present = new Set(keys);
  const first = known.filter((key) => present.has(key));
  const firstSet = new Set(first);
  const rest = keys.filter((key) => !firstSet.has(key)).sort(compareCodePoints);
  return [...first, ...rest];
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): IndicatorValue {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

/** The leaves of a section with their full labels ("Per storleksklass: Mikroföretag"), for tables. */
export function flattenItems(items: IndicatorItem[], parentLabel = ''): { key: string; label: string; value: IndicatorValue }[] {
  return items.flatMap((item) => {
    const label = parentLabel ? `${parentLabel}: ${item.label}` : item.label;
    return isGroup(item) ? flattenItems(item.items, label) : [{ key: item.key, label, value: item.value }];
  });
}

export interface MetaLine {
  key: string;
  label: string;
  value: string;
}

/** The lines that say what a report covers: programme, period, filters, when produced. */
export function metaLines(meta: ReportMeta, labels: ReportLabels): MetaLine[] {
  return [
    { key: 'programme', label: labels.meta.programme, value: meta.programme },
    { key: 'period.from', label: labels.meta.from, value: meta.period.from },
    { key: 'period.to', label: labels.meta.to, value: meta.period.to },
    { key: 'filters', label: labels.meta.filters, value: filtersText(meta.filters, labels) },
    { key: 'producedAt', label: labels.meta.producedAt, value: producedAtText(meta.producedAt, labels) },
  ];
}

const FILTER_ORDER = ['financier', 'municipality', 'activityKind'];
const FILTER_VOCABULARY: Record<string, 'financier' | 'municipality' | 'activityKind'> = {
  financier: 'financier',
  municipality: 'municipality',
  activityKind: 'activityKind',
};

export function filtersText(filters: ReportFilters, labels: ReportLabels): string {
  const fields = filters as Record<string, unknown>;
  const keys = orderKeys(
    Object.keys(fields).filter((key) => fields[key] !== undefined && fields[key] !== null && fields[key] !== ''),
    FILTER_ORDER,
  );
  if (!keys.length) return labels.meta.noFilters;
  return keys
    .map((key) => {
      const value = String(fields[key]);
      const label = (labels.filters as Record<string, string>)[key] ?? key;
      const readable = valueLabel(labels, FILTER_VOCABULARY[key], value);
      return `${label}: ${readable === value ? value : `${readable} (${value})`}`;
    })
    .join('; ');
}

/** The production instant in the programme's time zone, with the ISO instant for exactness. */
export function producedAtText(producedAt: string, labels: ReportLabels): string {
  const instant = new Date(producedAt);
  if (Number.isNaN(instant.getTime())) return producedAt;
  const local = new Intl.DateTimeFormat(labels.locale, { timeZone: labels.timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(instant);
  return `${local} (${labels.timeZone}), ${instant.toISOString()}`;
}

export function parseProducedAt(producedAt: string): Date {
  const instant = new Date(producedAt);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`producedAt is not an ISO instant: ${JSON.stringify(producedAt)}`);
  return instant;
}
