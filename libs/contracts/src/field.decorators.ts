import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

type Target = object;
/** Any class, abstract or not. */
type ClassRef = abstract new (...args: never[]) => unknown;

const descriptions = new WeakMap<object, Map<string, string>>();
const nullables = new WeakMap<object, Set<string>>();
const optionalNullables = new WeakMap<object, Set<string>>();

/** What a field means, for the AsyncAPI document (the contracts are the documentation other teams read). */
export function Description(text: string): PropertyDecorator {
  return (target: Target, property: string | symbol) => {
    const ctor = target.constructor;
    const map = descriptions.get(ctor) ?? new Map<string, string>();
    map.set(String(property), text.trim());
    descriptions.set(ctor, map);
  };
}

/**
 * The field must be present but may be `null` (a known absence, e.g. no org number for a sole trader).
 * Its other rules apply when it is not null, or when `validateWhen` says so (for a null allowed only in
 * some cases). Differs from `@IsOptional()`, which also allows the field to be missing.
 */
export function Nullable<T extends object>(validateWhen?: (object: T) => boolean): PropertyDecorator {
  return (target: Target, property: string | symbol) => {
    const ctor = target.constructor;
    const set = nullables.get(ctor) ?? new Set<string>();
    set.add(String(property));
    nullables.set(ctor, set);
    ValidateIf(validateWhen ? (object: T) => validateWhen(object) : (_object: unknown, value: unknown) => value !== null)(target, property);
  };
}

/**
 * The field may be missing or `null`, and its other rules apply to any other value: for change sets,
 * where a missing field did not change and `null` says the value was removed (e.g. a company moved
 * out of the county has no municipality). Differs from `@Nullable()`, whose field must be present.
 */
export function OptionalNullable(): PropertyDecorator {
  return (target: Target, property: string | symbol) => {
    const ctor = target.constructor;
    const set = optionalNullables.get(ctor) ?? new Set<string>();
    set.add(String(property));
    optionalNullables.set(ctor, set);
    ValidateIf((_object: unknown, value: unknown) => value !== null && value !== undefined)(target, property);
  };
}

/** The class and its ancestors, nearest first. */
function classChain(target: ClassRef): object[] {
  const chain: object[] = [];
  for (let c: object | null = target; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as object | null) chain.push(c);
  return chain;
}

/** Field descriptions of a contract class (own and inherited). */
export function fieldDescriptions(target: ClassRef): Record<string, string> {
  const chain = classChain(target).reverse();
  return Object.assign({}, ...chain.map((c) => Object.fromEntries(descriptions.get(c) ?? [])));
}

/** Fields declared `@Nullable()` on a contract class (own and inherited). */
export function nullableFields(target: ClassRef): string[] {
  const fields = new Set<string>();
  for (const c of classChain(target)) for (const f of nullables.get(c) ?? []) fields.add(f);
  return [...fields].sort();
}

/** Fields declared `@OptionalNullable()` on a contract class (own and inherited). */
export function optionalNullableFields(target: ClassRef): string[] {
  const fields = new Set<string>();
  for (const c of classChain(target)) for (const f of optionalNullables.get(c) ?? []) fields.add(f);
  return [...fields].sort();
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const ORG_NUMBER = /^\d{6}-\d{4}$/;
const SNI_CODE = /^\d{2}(\.\d{1,3})?$/;
const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = CALENDAR_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function isInstant(value: unknown): boolean {
  // Date.parse rolls impossible days over (2026-02-30 becomes 2 March): the day is checked on its own.
  return typeof value === 'string' && INSTANT.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

/** A Swedish organisation number of a legal entity: `NNNNNN-NNNN`, third digit ≥ 2, Luhn check digit. */
export function isOrgNumber(value: unknown): boolean {
  if (typeof value !== 'string' || !ORG_NUMBER.test(value)) return false;
  const digits = value.replace('-', '');
  if (Number(digits[2]) < 2) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

const rule = (name: string, validate: (value: unknown) => boolean, message: string) => (options?: ValidationOptions) =>
  ValidateBy({ name, validator: { validate, defaultMessage: () => `$property ${message}` } }, options);

/** A calendar date `YYYY-MM-DD` (no time, no zone): a day as people in the county mean it. */
export const IsCalendarDate = rule('isCalendarDate', isCalendarDate, 'must be a calendar date YYYY-MM-DD');
/** An instant in ISO 8601 with seconds and an explicit zone, e.g. `2026-03-01T09:30:00.000Z`. */
export const IsInstant = rule('isInstant', isInstant, 'must be an ISO 8601 date-time with a zone, like 2026-03-01T09:30:00Z');
export const IsOrgNumber = rule('isOrgNumber', isOrgNumber, 'must be an organisation number NNNNNN-NNNN of a legal entity');
/** An SNI 2007 code at 2 to 5 digits, dotted after the division: `46`, `46.6`, `46.690`. */
export const IsSniCode = rule('isSniCode', (v) => typeof v === 'string' && SNI_CODE.test(v), 'must be an SNI 2007 code like 46.690');
/** A reference-data code in kebab-case, e.g. `region-vasterbotten`, `poznan`. */
export const IsCode = rule('isCode', (v) => typeof v === 'string' && v.length <= 64 && CODE.test(v), 'must be a kebab-case code');

/** JSON Schema of the custom rules above, by rule name, for the AsyncAPI generator. */
export const CONTRACT_RULE_SCHEMAS: Record<string, Record<string, unknown>> = {
  isCalendarDate: { type: 'string', format: 'date' },
  isInstant: { type: 'string', format: 'date-time' },
  isOrgNumber: { type: 'string', pattern: ORG_NUMBER.source, description: 'Luhn check digit; third digit ≥ 2' },
  isSniCode: { type: 'string', pattern: SNI_CODE.source },
  isCode: { type: 'string', pattern: CODE.source, maxLength: 64 },
};
