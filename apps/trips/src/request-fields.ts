// How the request DTOs of every feature normalize and guard their fields.
import { ValidateIf } from 'class-validator';

/** `@Transform(trim)`: surrounding blanks are never meant. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `@Transform(trimEach)` for a list of strings. */
export const trimEach = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

/** `@Transform(toUpperCase)`: country codes are stored upper-case, however they were sent. */
export const toUpperCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value);

/**
 * For a field of a partial update that may be left out but not set to null: `@IsOptional()` would let
 * null through to a NOT NULL column.
 */
export const UnlessAbsent = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);
